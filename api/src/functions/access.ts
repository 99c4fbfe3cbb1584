import { app } from '@azure/functions';
import { putGrantSchema, userGrantParamsSchema, userParamsSchema, type AccessAuditEntry, type AccessUser } from '@planboard/contracts';
import { changeGrant } from '../access/grant-changes';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseJsonBody, parseParams } from '../http/validate';
import { forbidden, notFound } from '../errors';
import { refreshSecurityModels } from '../reports/refresh-model';
import { getServices } from '../services';

/** Scopes the caller may read, with their level (admins: every scope). */
app.http('accessScopes', {
  route: 'access/scopes',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => json({ scopes: access.scopes })),
});

/** Users and the grants on scopes the caller administers. Needs admin on at least one scope. */
app.http('accessUsers', {
  route: 'access/users',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    const administered = new Set(access.scopeIds('admin'));
    if (administered.size === 0) throw forbidden('Only admins can manage access.');
    const { directory } = getServices();
    const [users, grants] = await Promise.all([directory.listUsers(access.caller.tid), directory.allGrants(access.caller.tid)]);
    const visible = grants.filter((grant) => administered.has(grant.scopeId));
    const body: AccessUser[] = users.map((user) => ({
      ...user,
      grants: visible
        .filter((grant) => grant.oid === user.oid)
        .map(({ scopeId, level, grantedBy, grantedAt }) => ({ scopeId, level, grantedBy, grantedAt })),
    }));
    return json({ users: body });
  }),
});

/** Grant or change a level (PUT) or revoke (DELETE); audited in the same transaction. */
app.http('accessGrant', {
  route: 'access/users/{oid}/grants/{scopeId}',
  methods: ['PUT', 'DELETE'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, context, access) => {
    const { oid, scopeId } = parseParams(request, userGrantParamsSchema);
    access.require(scopeId, 'admin', 'This scope');
    const level = request.method === 'DELETE' ? null : (await parseJsonBody(request, putGrantSchema)).level;
    const { directory } = getServices();
    const target = { tid: access.caller.tid, oid };
    if (!(await directory.getUser(target.tid, oid))) throw notFound('No such user in your organisation.');
    const current = await directory.grantWithEtag(target, scopeId);
    if (level === null && !current) throw notFound('This user has no grant on this scope.');
    const entry = await changeGrant(directory, access.caller, { target, scopeId, level }, current?.grant, current?.etag);
    // Embedded reports filter by the grants their models imported: refresh them so the change shows there too.
    if (entry) await refreshSecurityModels(getServices().powerBi, (message) => context.warn(message));
    return json({ changed: entry !== null, entry }, entry && !current ? 201 : 200);
  }),
});

/** The audited grant changes of one user, limited to scopes the caller administers. */
app.http('accessAudit', {
  route: 'access/users/{oid}/audit',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { oid } = parseParams(request, userParamsSchema);
    const administered = new Set(access.scopeIds('admin'));
    if (administered.size === 0) throw forbidden('Only admins can see the access audit.');
    const rows = await getServices().directory.auditOf({ tid: access.caller.tid, oid });
    const entries: AccessAuditEntry[] = rows
      .filter((row) => administered.has(String(row.scopeId)))
      .map((row) => ({
        at: String(row.at),
        by: String(row.by),
        action: row.action === 'revoke' ? 'revoke' : 'grant',
        userOid: String(row.userOid),
        scopeId: String(row.scopeId),
        oldLevel: (row.oldLevel || null) as AccessAuditEntry['oldLevel'],
        newLevel: (row.newLevel || null) as AccessAuditEntry['newLevel'],
      }));
    return json({ entries });
  }),
});
