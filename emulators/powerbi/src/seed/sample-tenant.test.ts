import { departments } from '@planboard/server';
import { Clock } from '../clock/clock';
import { EmulatorState } from '../model/state';
import type { DatasetState } from '../model/types';
import { RefreshEngine } from '../refresh/engine';
import { datasetIdOf, sampleIds, workspaceIdOf } from './sample-ids';
import { seedSampleTenant } from './sample-tenant';

const state = new EmulatorState(new Clock());
seedSampleTenant(state, { servicePrincipals: [sampleIds.servicePrincipalAppId] });
const datasets = [...state.datasets.values()];
const dayMs = 24 * 60 * 60_000;

describe('sample tenant', () => {
  it('has stable ids other components can rely on', () => {
    expect(sampleIds.budget).toEqual({
      workspaceId: '6b20398d-cc58-5ba6-8c30-ba8135bddd15',
      datasetId: 'ff316784-9e50-50e8-a3af-fbcfa7fdb938',
      reportId: 'fd52122f-ccc3-5e3d-88d9-971d7dd2eb78',
    });
    expect(sampleIds.kpiPush.datasetId).toBe('07007641-7511-5d1b-a273-cfdedee3e811');
    expect(state.dataset(sampleIds.budget.datasetId)?.name).toBe('Budget Planning');
  });

  it('has 3 environments × 4 modules of workspaces, 2 datasets and 2 reports each (KPI: 3, +1 report across workspaces), 2 capacities', () => {
    expect(state.workspaces.size).toBe(12);
    expect(datasets).toHaveLength(27);
    expect(state.reports.size).toBe(28);
    const across = [...state.reports.values()].filter((report) => state.dataset(report.datasetId)?.workspaceId !== report.workspaceId);
    expect(across.map((report) => report.name)).toEqual(['Budget Refresh Health']);
    expect(across[0]?.workspaceId).toBe(workspaceIdOf('Operations', 'Prod'));
    expect(state.capacities.size).toBe(2);
    const shared = datasets.filter((dataset) => state.isShared(dataset));
    expect(shared).toHaveLength(9);
  });

  it("has RLS on the budget, KPI and store datasets with the app's role names, and a push KPI dataset", () => {
    const rls = datasets.filter((dataset) => dataset.model.roles.length > 0);
    expect(rls.map((dataset) => dataset.name).sort()).toEqual([
      'Budget Planning',
      'Budget Planning',
      'Budget Planning',
      'KPI Monitoring',
      'KPI Monitoring',
      'KPI Monitoring',
      'Store Sales',
      'Store Sales',
      'Store Sales',
    ]);
    const budget = state.dataset(sampleIds.budget.datasetId) as DatasetState;
    expect(budget.model.roles.map((role) => role.name)).toEqual([
      'BusinessUnitScope',
      'StoreScope',
      'DepartmentScope',
      'AllData',
      'SalesNorthOnly',
    ]);
    expect(budget.model.tables.map((table) => [table.name, table.rows.length, table.binding])).toEqual([
      ['Budget', 600, 'budgetLines'],
      ['Actuals', 600, undefined],
      ['BusinessUnit', 5, 'businessUnits'],
      ['Security', expect.any(Number), 'securityGrants'],
    ]);
    expect(state.dataset(sampleIds.kpiPush.datasetId)?.push?.retention).toBe('basicFIFO');
    expect(state.dataset(sampleIds.kpiPush.datasetId)?.model.roles).toEqual([]);
  });

  it('serves the KPI Dashboard from the KPI model: dynamic RLS on departments, fed from the kpis tables, seeded', () => {
    expect(state.report(sampleIds.kpi.reportId)).toMatchObject({ name: 'KPI Dashboard', datasetId: sampleIds.kpi.datasetId });
    expect(sampleIds.kpi.reportId).toBe('f37ff2ed-ba85-5170-b23e-4304b052e009');
    const kpi = state.dataset(sampleIds.kpi.datasetId) as DatasetState;
    expect(kpi.kind).toBe('import');
    expect(kpi.isEffectiveIdentityRolesRequired).toBe(true);
    expect(kpi.model.roles.map((role) => role.name)).toEqual(['BusinessUnitScope', 'StoreScope', 'DepartmentScope', 'AllData']);
    expect(kpi.model.tables.map((table) => [table.name, table.binding])).toEqual([
      ['KpiPoints', 'kpiPoints'],
      ['Department', 'departments'],
      ['Security', 'securityGrants'],
    ]);
    const points = kpi.model.tables[0]?.rows ?? [];
    expect(points).toHaveLength(18 * 12);
    expect(points.every((row) => typeof row.Value === 'number' && typeof row.KpiName === 'string' && row.KpiName !== '')).toBe(true);
    expect(new Set(points.map((row) => row.Department))).toEqual(new Set(departments.map((department) => department.id)));
    expect(kpi.model.tables[1]?.rows).toHaveLength(departments.length);
  });

  it('has 30 days of history with failures and slow outliers, and never a running refresh', () => {
    const refreshable = datasets.filter((dataset) => dataset.kind === 'import');
    const now = state.clock.now();
    const all = refreshable.flatMap((dataset) => dataset.history);
    expect(all.every((refresh) => refresh.status !== 'Unknown' && (refresh.endTime ?? Infinity) < now)).toBe(true);
    expect(all.filter((refresh) => refresh.status === 'Failed').length).toBeGreaterThan(10);
    expect(refreshable.every((dataset) => dataset.history.length > 0 && dataset.history.length <= 60)).toBe(true);
    const oldest = Math.min(...all.map((refresh) => refresh.startTime));
    expect(now - oldest).toBeGreaterThan(25 * dayMs);
    const outliers = refreshable.filter((dataset) => {
      const durations = dataset.history.map((refresh) => (refresh.endTime ?? 0) - refresh.startTime).sort((a, b) => a - b);
      const median = durations[Math.floor(durations.length / 2)] ?? 0;
      return durations.some((duration) => duration > 3 * median);
    });
    expect(outliers.length).toBeGreaterThan(3);
    expect(new Set(all.map((refresh) => refresh.refreshType))).toEqual(new Set(['Scheduled', 'ViaApi', 'OnDemand']));
  });

  it('shows one schedule disabled after 4 failures; shared schedules stay within 8 slots and the daily quota', () => {
    const disabled = state.dataset(datasetIdOf('capacity-metrics', 'Dev')) as DatasetState;
    expect(disabled.schedule.enabled).toBe(false);
    expect(disabled.schedule.consecutiveFailures).toBe(4);
    expect(
      disabled.history
        .filter((refresh) => refresh.refreshType === 'Scheduled')
        .slice(0, 4)
        .every((refresh) => refresh.status === 'Failed'),
    ).toBe(true);
    for (const dataset of datasets.filter((item) => state.isShared(item) && item.kind === 'import')) {
      expect(dataset.schedule.times.length).toBeLessThanOrEqual(8);
      expect(new RefreshEngine(state, undefined).countedInLastDay(dataset, state.clock.now())).toBeLessThan(8);
    }
    for (const dataset of datasets.filter((item) => item.schedule.enabled)) expect(dataset.schedule.consecutiveFailures).toBeLessThan(4);
  });
});
