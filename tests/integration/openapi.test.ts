import { openApiPath } from '../../api/src/openapi/document';
import { startApiHost, type ApiHost } from './support/api-host';
import { tokenFor } from './support/env';
import { ResponseValidator, type OpenApiDocument } from './support/openapi';

/**
 * The OpenAPI 3.1 document at /api/openapi.json: it names every route the host registers (a route
 * added without its description fails here), and real answers of the running API match it.
 */
let api: ApiHost;
let document: OpenApiDocument;
let validator: ResponseValidator;

interface HttpFunction {
  name: string;
  trigger: { type: string; path: string; methods: string[] | null };
}

beforeAll(async () => {
  api = await startApiHost();
  const response = await api.call('/openapi.json');
  expect(response.status).toBe(200);
  document = (await response.json()) as OpenApiDocument;
  validator = new ResponseValidator(document);
}, 60_000);
afterAll(() => api?.stop());

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with every registered HTTP route and method', async () => {
    expect(document.openapi).toBe('3.1.0');
    const all = (await (await fetch(`${api.base.replace(/\/api$/, '')}/admin/functions`)).json()) as HttpFunction[];
    const registered = all
      .filter((fn) => fn.trigger.type === 'httpTrigger')
      .flatMap((fn) =>
        (fn.trigger.methods ?? ['GET']).map((method) => `${method.toLowerCase()} ${openApiPath(fn.trigger.path.replace(/^\/?api\//, ''))}`),
      );
    expect(registered.length).toBeGreaterThan(25);
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(registered.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !registered.includes(route))).toEqual([]);
  });

  it('describes what the API answers: signed-in reads and errors validate against it', async () => {
    const admin = await tokenFor('alex.morgan@contoso.onmicrosoft.com');
    const leader = await tokenFor('nora.lindqvist@contoso.onmicrosoft.com');
    const checks: [token: string | undefined, url: string, documentPath: string][] = [
      [undefined, '/health', '/api/health'],
      [undefined, '/auth/config', '/api/auth/config'],
      [leader, '/me', '/api/me'],
      [leader, '/access/scopes', '/api/access/scopes'],
      [admin, '/access/users', '/api/access/users'],
      [leader, '/budget/fy2027/sales-north', '/api/budget/{planId}/{scopeId}'],
      [leader, '/budget/fy2027/sales-north/audit?pageSize=5', '/api/budget/{planId}/{scopeId}/audit'],
      [leader, '/budget/fy2027/status', '/api/budget/{planId}/status'],
      [leader, '/kpis', '/api/kpis'],
      [leader, '/reports', '/api/reports'],
      [admin, '/notifications/poison', '/api/notifications/poison'],
      [leader, '/training/days', '/api/training/days'],
      [leader, '/training/days/1', '/api/training/days/{day}'],
      [admin, '/training/progress', '/api/training/progress'],
      [admin, '/training/audit?limit=5', '/api/training/audit'],
      // Errors: the envelope.
      [leader, '/budget/fy2027/finance', '/api/budget/{planId}/{scopeId}'],
      [undefined, '/me', '/api/me'],
    ];
    const problems: string[] = [];
    for (const [token, url, path] of checks) {
      const response = await api.call(url, { token });
      problems.push(...validator.problems('GET', path, response.status, await response.json()));
    }
    expect(problems).toEqual([]);
  });

  it('the validator catches an answer that does not match (checked on a tampered body)', () => {
    expect(validator.problems('GET', '/api/health', 200, { status: 'ok', service: 1 })).not.toEqual([]);
    expect(validator.problems('GET', '/api/health', 418, {})).not.toEqual([]);
  });
});
