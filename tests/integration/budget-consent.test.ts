import { actualsSchema, budgetGridSchema, errorEnvelopeSchema } from '@planboard/contracts';
import { startApiHost, type ApiHost } from './support/api-host';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { identityConfig, storageConnection, tokenFor } from './support/env';

/**
 * Budget actuals are read from Power BI on behalf of the user. Until the user (or an admin)
 * consented, Entra refuses the on-behalf-of token with AADSTS65001 `consent_required` — the identity
 * provider withholds consent for one user here — and the API says so: the grid still loads, its
 * actuals name the scopes to consent to, and the actuals route is a 403 `ConsentRequired`.
 */
const user = 'grace.kim@contoso.onmicrosoft.com'; // Operations contributor: no other suite reads budgets as her
let api: ApiHost;

async function setConsent(consented: boolean): Promise<void> {
  // The provider's plain-HTTP listener: same provider and state as its HTTPS origin, no local CA needed.
  const response = await fetch(`${identityConfig().urls.browserOrigin ?? ''}/_emulator/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, consented }),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  api = await startApiHost();
}, 60_000);
afterAll(async () => {
  await setConsent(true);
  await api?.stop();
});

describe('Power BI consent for budget actuals', () => {
  it('without consent: the grid loads with consentRequired, the actuals route answers 403 ConsentRequired', async () => {
    await setConsent(false);
    const token = await tokenFor(user);
    const grid = await api.call('/budget/fy2027/operations', { token });
    expect(grid.status).toBe(200);
    const { actuals, lines } = budgetGridSchema.parse(await grid.json());
    expect(lines.length).toBeGreaterThan(0);
    expect(actuals).toMatchObject({ available: false, consentRequired: ['https://analysis.windows.net/powerbi/api/Dataset.Read.All'] });
    expect(actuals.reason).toMatch(/permission/);

    const refused = await api.call('/budget/fy2027/operations/actuals', { token });
    expect(refused.status).toBe(403);
    const { error } = errorEnvelopeSchema.parse(await refused.json());
    expect(error.code).toBe('ConsentRequired');
    expect(error.details).toEqual([{ path: 'scopes', message: 'https://analysis.windows.net/powerbi/api/Dataset.Read.All' }]);
  });

  it('once consented (Teams popup, or admin consent): the actuals route answers with the values', async () => {
    await setConsent(true);
    const response = await api.call('/budget/fy2027/operations/actuals', { token: await tokenFor(user) });
    expect(response.status).toBe(200);
    const actuals = actualsSchema.parse(await response.json());
    expect(actuals.available).toBe(true);
    expect(actuals.consentRequired).toBeUndefined();
    expect(Object.keys(actuals.values).length).toBeGreaterThan(0);
  });

  it('the actuals route keeps to the caller scopes: another BU does not exist for her (404, as every route answers for unreadable scopes)', async () => {
    const response = await api.call('/budget/fy2027/finance/actuals', { token: await tokenFor(user) });
    const body = await response.text();
    expect(response.status).toBe(404);
    expect(errorEnvelopeSchema.parse(JSON.parse(body)).error.code).toBe('NotFound');
  });
});
