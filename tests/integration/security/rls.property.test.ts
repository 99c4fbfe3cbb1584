import { TableClient } from '@azure/data-tables';
import { grantLevels, kpiDashboardSchema, meSchema, reportEmbedSchema, type GrantLevel, type ScopeType } from '@planboard/contracts';
import fc from 'fast-check';
import { atLeast } from '../../../server/src/access/levels';
import { allScopes, sampleUsers, type SampleUser } from '../../../server/src/sample/directory';
import { grantEntity } from '../../../server/src/sample/entities';
import { sampleKpis } from '../../../server/src/sample/kpis';
import { seedSampleTenant } from '../../../server/src/sample/seed';
import { startAzurite, type RunningAzurite } from '../../../emulators/stack/src/azurite';
import { freePort } from '../../../emulators/stack/src/ports';
import { apiPowerBiSettings, startPowerBi } from '../../../emulators/stack/src/powerbi';
import type { ManagedProcess } from '../../../emulators/stack/src/processes';
import { reportCatalog } from '../../../api/src/reports/catalog';
import { sampleIds } from '../../../emulators/powerbi/src/seed/sample-ids';
import { startApiHost, type ApiHost } from '../support/api-host';
import { column, refreshDataset, renderAllPages, type RenderedPage } from '../support/embed';
import { identityConfig, tokenFor } from '../support/env';
import { changedEntities, scopesOf, snapshotTables } from './storage-diff';

/**
 * Row-level security as a property: random users with random grants call every HTTP route the
 * Functions host registered (so a new route is covered automatically) with random scope ids and
 * bodies. No response may mention a scope the caller cannot read, and no write may land outside
 * the scopes the caller can edit. Runs on its own Azurite because it rewrites sample grants.
 */

/** Anonymous by design (liveness, public sign-in settings); still checked for leaks. */
const publicRoutes = new Set(['/api/health', '/api/health/storage', '/api/health/powerbi', '/api/auth/config', '/api/openapi.json']);
const scopeIds = new Set(allScopes.map((scope) => scope.id));
const nonAdmins = sampleUsers.filter((user) => !user.appRoles.includes('Admin'));

interface HttpFunction {
  name: string;
  trigger: { path: string; methods: string[] | null };
}

let azurite: RunningAzurite;
let api: ApiHost;
let powerBi: ManagedProcess | undefined;
let powerBiPort: number;
let routes: HttpFunction[];
const tokens = new Map<string, string>();

beforeAll(async () => {
  azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
  await seedSampleTenant(azurite.connectionString);
  // Its own storage and Power BI emulator: random submits and refreshes must not disturb other suites.
  powerBiPort = await freePort();
  powerBi = await startPowerBi({ port: powerBiPort, identity: identityConfig(), storageConnectionString: azurite.connectionString });
  api = await startApiHost({ AzureWebJobsStorage: azurite.connectionString, ...apiPowerBiSettings(powerBiPort, identityConfig()) });
  const all = (await (await fetch(`${api.base.replace(/\/api$/, '')}/admin/functions`)).json()) as { trigger: { type: string } }[];
  routes = (all as (HttpFunction & { trigger: { type: string } })[]).filter((fn) => fn.trigger.type === 'httpTrigger');
  for (const user of sampleUsers) tokens.set(user.oid, await tokenFor(user.upn));
}, 90_000);
afterAll(async () => {
  await api?.stop();
  await powerBi?.stop();
  await azurite?.stop();
}, 30_000);

async function setGrants(user: SampleUser, grants: Map<string, GrantLevel>): Promise<void> {
  const table = TableClient.fromConnectionString(azurite.connectionString, 'grants', { allowInsecureConnection: true });
  for await (const row of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${user.tid}|${user.oid}'` } })) {
    await table.deleteEntity(String(row.partitionKey), String(row.rowKey));
  }
  for (const [scopeId, level] of grants) await table.createEntity(grantEntity(user, scopeId, level, 'property-test', new Date()));
}

/** The level a user holds on a scope, inheritance from a parent BU included (as the API computes it). */
function levelOn(grants: Map<string, GrantLevel>, scopeId: string): GrantLevel | undefined {
  const parentId = allScopes.find((scope) => scope.id === scopeId)?.parentId;
  const direct = grants.get(scopeId);
  const inherited = parentId ? grants.get(parentId) : undefined;
  if (!direct) return inherited;
  if (!inherited) return direct;
  return atLeast(direct, inherited) ? direct : inherited;
}

const scopeIdArb = fc.constantFrom(...scopeIds, 'no-such-scope');
const grantsArb = fc.dictionary(fc.constantFrom(...scopeIds), fc.constantFrom(...grantLevels), { maxKeys: 6 });
const lineIdArb = fc.constantFrom('coffee.finland.q1', 'salads.sweden.q4', 'sandwiches.iceland.q2');
/** One real sample KPI per department, so `{kpiId}` names an existing KPI whichever department is drawn. */
const sampleKpiOf = new Map(sampleKpis().map(({ kpi }) => [kpi.departmentId, kpi.kpiId]));
const kpiIdArb = fc.constantFrom('prop-kpi', ...new Set(sampleKpiOf.values()));
const kpiPointArb = fc.record({
  period: fc.constantFrom('weekly', 'daily'),
  periodStart: fc.constantFrom('2026-11-02', '2026-11-09'),
  value: fc.integer({ min: -100, max: 1000 }),
  target: fc.integer({ min: 1, max: 1000 }),
});
const bodyArb = fc.oneof(
  fc.record({ level: fc.constantFrom(...grantLevels) }),
  fc.record({
    idempotencyKey: fc.uuid({ version: 4 }),
    action: fc.constant('edit'),
    edits: fc.array(
      fc.record({
        lineId: lineIdArb,
        field: fc.constantFrom('budgetAmount', 'forecastSales'),
        value: fc.integer({ min: 0, max: 1e6 }),
        baseRev: fc.nat(5),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({ reason: fc.string({ minLength: 3, maxLength: 20 }) }),
  fc.constant({ presentationOpened: true }),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 2 }),
);
/** Bodies for the KPI routes: a data point, a definition (valid for every target type), an import, or junk. */
const kpiBodyArb = fc.oneof(
  kpiPointArb,
  fc.record({
    kpiId: kpiIdArb,
    name: fc.constant('Property KPI'),
    unit: fc.constant('%'),
    targetType: fc.constantFrom('higherIsBetter', 'lowerIsBetter', 'withinRange'),
    thresholds: fc.constant({ atRiskPct: 5, offTrackPct: 10 }),
    rangeMin: fc.constant(0),
    rangeMax: fc.constant(10),
  }),
  fc.record({
    points: fc.array(
      fc.tuple(kpiIdArb, kpiPointArb).map(([kpiId, point]) => ({ kpiId, ...point })),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Fills a registered route template: real plan and ids where the template names them (training: day 2 unlocked, day 6 locked). */
function fillPath(template: string, scopeId: string, oid: string, previewId: string): string {
  return template
    .replace(/\{scopeId\??\}/g, scopeId)
    .replace(/\{oid\??\}/g, oid)
    .replace(/\{planId\??\}/g, 'fy2027')
    .replace(/\{previewId\??\}/g, previewId)
    .replace(/\{kpiId\??\}/g, sampleKpiOf.get(scopeId) ?? 'weekly-revenue')
    .replace(/\{day\??\}/g, oid.charCodeAt(0) % 2 ? '2' : '6')
    .replace(/\{recordingId\??\}/g, 'sample060')
    .replace(/\{storeId\??\}/g, /^store-(\d{6})$/.exec(scopeId)?.[1] ?? '104233')
    .replace(/\{[^}]+\}/g, 'x');
}

/** Query strings routes require, so that an authorised call reads data rather than failing validation. */
const routeQueries: Record<string, string> = {
  '/api/stores/{storeId}/sales': '?from=2026-09-01&to=2026-12-31&by=week',
};

test('no route reads or writes outside the caller’s grants', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...nonAdmins),
      grantsArb,
      fc.array(
        // A scope id, or (a number) one of the scopes the user holds a grant on, so that authorised calls happen too.
        fc.tuple(fc.oneof(scopeIdArb, fc.nat()), fc.constantFrom(...sampleUsers.map((user) => user.oid)), bodyArb, kpiBodyArb),
        { minLength: 12, maxLength: 12 },
      ),
      async (user, grantRecord, calls) => {
        const grants = new Map(Object.entries(grantRecord) as [string, GrantLevel][]);
        const granted = [...grants.keys()];
        await setGrants(user, grants);
        const readable = new Set([...scopeIds].filter((id) => atLeast(levelOn(grants, id), 'read')));
        const editable = new Set([...scopeIds].filter((id) => atLeast(levelOn(grants, id), 'edit')));
        const before = await snapshotTables(azurite.connectionString);
        for (const [index, route] of routes.entries()) {
          const [pick, oid, anyBody, kpiBody] = calls[index % calls.length] ?? ['no-such-scope', user.oid, {}, {}];
          const scopeId = typeof pick === 'number' ? (granted[pick % Math.max(granted.length, 1)] ?? 'no-such-scope') : pick;
          const body = route.trigger.path.startsWith('/api/kpis') ? kpiBody : anyBody;
          for (const method of route.trigger.methods ?? ['GET', 'POST']) {
            const path =
              fillPath(route.trigger.path, scopeId, oid, '0b7e8d1c-2f3a-4b5c-8d9e-0f1a2b3c4d5e').replace(/^\/api/, '') +
              (routeQueries[route.trigger.path] ?? '');
            const json = method === 'GET' || method === 'DELETE' ? undefined : body;
            const response = await api.call(path, { token: tokens.get(user.oid), method, json });
            expect(response.status).toBeLessThan(500);
            const text = await response.text();
            // Store sales name the store by number only: answering at all must mean the store is readable.
            const storeNumber = /^\/stores\/(\d{6})\//.exec(path)?.[1];
            if (storeNumber && response.status === 200 && !readable.has(`store-${storeNumber}`))
              throw new Error(`${method} ${path} as ${user.name} answered for store ${storeNumber}, not theirs`);
            // The OpenAPI document is static text: its route names (`/api/operations/…`) are not scope data.
            const text2 = route.trigger.path === '/api/openapi.json' ? '' : text;
            for (const id of scopeIds) {
              // Scope ids are slugs: match whole slugs only (so `finance` is not found inside `dept-finance`).
              if (!readable.has(id) && new RegExp(`(^|[^a-z0-9-])${id}([^a-z0-9-]|$)`).test(text2)) {
                throw new Error(
                  `${method} ${path} as ${user.name} revealed ${id} (${publicRoutes.has(route.trigger.path) ? 'public' : 'guarded'} route): ${text.slice(0, 300)}`,
                );
              }
            }
          }
        }
        const after = await snapshotTables(azurite.connectionString);
        for (const change of changedEntities(before, after)) {
          // System bookkeeping, not scope data: health probes and the refresh watch list an authorised submit adds to.
          if (change.table === 'health' || change.table === 'refreshwatch') continue;
          if (change.table === 'users' && change.key === `users/${user.tid}/${user.oid}`) continue;
          // Every caller is a learner: their own training progress is theirs to write, anyone else's is not.
          if (change.table === 'trainingprogress' && change.key.startsWith(`trainingprogress/${user.tid}|${user.oid}/`)) continue;
          const touched = scopesOf(change.entity, scopeIds);
          const outside = touched.filter((id) => !editable.has(id));
          if (touched.length === 0 || outside.length > 0) throw new Error(`${user.name} changed ${change.key} outside their edit scopes`);
        }
      },
    ),
    { numRuns: 15 },
  );
}, 240_000);

/** Where each report's rows name their scope: [visual, column header] of tables, or [visual] for a bar chart's categories. */
const scopeCells: Record<ScopeType, [string, string?][]> = {
  businessUnit: [['budgetByUnit'], ['budgetTable', 'Business unit'], ['actualsByUnit'], ['actualsTable', 'Business unit']],
  store: [['salesByStore'], ['storeTable', 'Store']],
  department: [['kpiTable', 'Department']],
};

const cellsOf = (pages: RenderedPage[], [visual, header]: [string, string?]): string[] =>
  pages.flatMap((page) => (header ? column(page, visual, header) : (page.visuals.get(visual)?.categories ?? [])));

/** Embeds every report as `user` and checks each rendered row against what the API lets them read; returns the rows checked. */
async function checkEmbedding(user: SampleUser): Promise<number> {
  let checked = 0;
  const token = tokens.get(user.oid);
  const me = meSchema.parse(await (await api.call('/me', { token })).json());
  const kpis = kpiDashboardSchema.parse(await (await api.call('/kpis', { token })).json());
  const readableKpis = new Set(kpis.departments.flatMap((department) => department.kpis.map((kpi) => `${department.name}|${kpi.name}`)));
  for (const entry of reportCatalog()) {
    const response = await api.call(`/reports/${entry.reportId}/embed`, { token, method: 'POST' });
    if (response.status === 403) continue;
    expect(response.status).toBe(200);
    const pages = await renderAllPages(powerBiPort, reportEmbedSchema.parse(await response.json()));
    expect(pages.every((page) => page.ok)).toBe(true);
    const ofType = allScopes.filter((scope) => scope.type === entry.scopeType);
    const idOf = new Map(ofType.flatMap((scope) => [[scope.name, scope.id] as const, [scope.id, scope.id] as const]));
    const readable = new Set(me.scopes.map((scope) => scope.id));
    for (const cells of scopeCells[entry.scopeType]) {
      for (const value of cellsOf(pages, cells)) {
        const id = idOf.get(value);
        if (!id || !readable.has(id))
          throw new Error(`${entry.key} report showed ${user.name} "${value}" (${cells.join(' ')}), not theirs`);
        checked += 1;
      }
    }
    if (entry.scopeType !== 'department') continue;
    const first = pages[0] as RenderedPage;
    const departments = column(first, 'kpiTable', 'Department');
    column(first, 'kpiTable', 'KPI').forEach((kpi, index) => {
      if (!readableKpis.has(`${departments[index]}|${kpi}`))
        throw new Error(`KPI report showed ${user.name} ${departments[index]} / ${kpi}, which the API does not give them`);
    });
  }
  return checked;
}

test('an embedded report renders, for every report × sample user, only rows the user may read through the API', async () => {
  // The datasets' Security tables follow Table Storage by refresh: each run refreshes them after changing grants.
  const datasets = [sampleIds.budget, sampleIds.stores, sampleIds.kpi];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...nonAdmins), grantsArb, async (changed, grantRecord) => {
      await setGrants(changed, new Map(Object.entries(grantRecord) as [string, GrantLevel][]));
      for (const dataset of datasets) await refreshDataset(powerBiPort, dataset.workspaceId, dataset.datasetId);
      let checked = 0;
      for (const user of sampleUsers) checked += await checkEmbedding(user);
      // Not vacuous: the sample users' reports do render rows.
      expect(checked).toBeGreaterThan(0);
    }),
    { numRuns: 5 },
  );
}, 240_000);
