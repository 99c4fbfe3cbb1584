import { accessAuditSchema, accessUsersSchema, errorEnvelopeSchema, meSchema } from '@planboard/contracts';
import { sampleUsers, stores } from '../../server/src/sample/directory';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { storageConnection, tokenFor } from './support/env';

const byName = (name: string) => {
  const user = sampleUsers.find((candidate) => candidate.name === name);
  if (!user) throw new Error(`no sample user ${name}`);
  return user;
};
const nora = byName('Nora Lindqvist'); // Sales North leader (approve)
const fiona = byName('Fiona Walsh'); // Finance leader
const kenji = byName('Kenji Sato'); // Finance contributor
const alex = byName('Alex Morgan'); // admin
let api: ApiHost;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  api = await startApiHost();
  for (const user of [nora, fiona, kenji, alex]) tokens[user.name] = await tokenFor(user.upn);
}, 60_000);
afterAll(() => api?.stop());

const me = async (name: string) => meSchema.parse(await (await api.call('/me', { token: tokens[name] })).json());

describe('GET /api/me', () => {
  it('shows a BU leader only their BU, its department and stores', async () => {
    const body = await me('Nora Lindqvist');
    expect(body.isAdmin).toBe(false);
    const ids = body.scopes.map((scope) => scope.id);
    expect(ids).toContain('sales-north');
    expect(ids).not.toContain('sales-south');
    expect(ids).not.toContain('finance');
    // Every Sales North store (the Nordic ones of the Dataverse store master), no other.
    const northStores = stores.filter((store) => store.parentId === 'sales-north').map((store) => store.id);
    expect(northStores.length).toBeGreaterThan(4);
    expect(ids.filter((id) => id.startsWith('store-')).sort()).toEqual(northStores.sort());
    expect(body.scopes.find((scope) => scope.id === 'sales-north')?.level).toBe('approve');
  });

  it('shows an admin every scope at admin level', async () => {
    const body = await me('Alex Morgan');
    expect(body.isAdmin).toBe(true);
    expect(body.scopes.length).toBeGreaterThanOrEqual(19);
    expect(body.scopes.every((scope) => scope.level === 'admin')).toBe(true);
  });
});

describe('access administration', () => {
  const grantPath = (oid: string, scopeId: string) => `/access/users/${oid}/grants/${scopeId}`;

  it('lists users to admins only', async () => {
    const ok = await api.call('/access/users', { token: tokens['Alex Morgan'] });
    expect(ok.status).toBe(200);
    expect(accessUsersSchema.parse(await ok.json()).users.length).toBeGreaterThanOrEqual(sampleUsers.length);
    const refused = await api.call('/access/users', { token: tokens['Nora Lindqvist'] });
    expect(refused.status).toBe(403);
    expect(errorEnvelopeSchema.parse(await refused.json()).error.code).toBe('Forbidden');
  });

  it('grants, audits and revokes; the grantee sees the change at once', async () => {
    const put = await api.call(grantPath(kenji.oid, 'marketing'), { token: tokens['Alex Morgan'], method: 'PUT', json: { level: 'read' } });
    expect(put.status).toBe(201);
    expect((await me('Kenji Sato')).scopes.map((scope) => scope.id)).toContain('marketing');

    const revoke = await api.call(grantPath(kenji.oid, 'marketing'), { token: tokens['Alex Morgan'], method: 'DELETE' });
    expect(revoke.status).toBe(200);
    expect((await me('Kenji Sato')).scopes.map((scope) => scope.id)).not.toContain('marketing');

    const audit = accessAuditSchema.parse(
      await (await api.call(`/access/users/${kenji.oid}/audit`, { token: tokens['Alex Morgan'] })).json(),
    );
    const mine = audit.entries.filter((entry) => entry.scopeId === 'marketing');
    expect(mine.slice(0, 2).map((entry) => [entry.action, entry.oldLevel, entry.newLevel, entry.by])).toEqual([
      ['revoke', 'read', null, alex.upn],
      ['grant', null, 'read', alex.upn],
    ]);
  });

  it('a BU leader cannot grant on their own BU (needs admin) nor see another BU (404, not 403)', async () => {
    const own = await api.call(grantPath(kenji.oid, 'sales-north'), {
      token: tokens['Nora Lindqvist'],
      method: 'PUT',
      json: { level: 'edit' },
    });
    expect(own.status).toBe(403);
    const other = await api.call(grantPath(nora.oid, 'finance'), {
      token: tokens['Nora Lindqvist'],
      method: 'PUT',
      json: { level: 'admin' },
    });
    expect(other.status).toBe(404);
    expect((await me('Nora Lindqvist')).scopes.map((scope) => scope.id)).not.toContain('finance');
    expect((await api.call(`/access/users/${fiona.oid}/audit`, { token: tokens['Nora Lindqvist'] })).status).toBe(403);
  });

  it('rejects bad input with a 4xx naming the field, writing nothing', async () => {
    const before = accessAuditSchema.parse(
      await (await api.call(`/access/users/${kenji.oid}/audit`, { token: tokens['Alex Morgan'] })).json(),
    );
    const badLevel = await api.call(grantPath(kenji.oid, 'finance'), {
      token: tokens['Alex Morgan'],
      method: 'PUT',
      json: { level: 'owner' },
    });
    expect(badLevel.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await badLevel.json()).error.details?.[0]?.path).toBe('level');
    const badOid = await api.call(grantPath('not-a-guid', 'finance'), {
      token: tokens['Alex Morgan'],
      method: 'PUT',
      json: { level: 'read' },
    });
    expect(badOid.status).toBe(400);
    const notJson = await api.call(grantPath(kenji.oid, 'finance'), {
      token: tokens['Alex Morgan'],
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
    });
    expect(notJson.status).toBe(415);
    const unknownUser = await api.call(grantPath('00000000-0000-4000-8000-000000000000', 'finance'), {
      token: tokens['Alex Morgan'],
      method: 'PUT',
      json: { level: 'read' },
    });
    expect(unknownUser.status).toBe(404);
    const after = accessAuditSchema.parse(
      await (await api.call(`/access/users/${kenji.oid}/audit`, { token: tokens['Alex Morgan'] })).json(),
    );
    expect(after.entries).toEqual(before.entries);
  });
});
