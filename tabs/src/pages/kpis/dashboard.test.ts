import { describe, expect, it } from '@jest/globals';
import type { KpiDashboard, KpiSummary } from '@planboard/contracts';
import { countByStatus, findKpi, noMatchText, totalCounts, visibleKpis, withoutKpi, withSummary } from './dashboard';

const kpi = (kpiId: string, name: string, status: KpiSummary['status'], departmentId = 'dept-sales'): KpiSummary => ({
  departmentId,
  kpiId,
  name,
  unit: '%',
  description: `${name} of the week`,
  targetType: 'higherIsBetter',
  thresholds: { atRiskPct: 5, offTrackPct: 10 },
  status,
  trend: [],
});
const department = (departmentId: string, name: string, kpis: KpiSummary[]) => ({
  departmentId,
  name,
  canEdit: true,
  canManage: false,
  counts: countByStatus(kpis),
  kpis,
});
const dashboard: KpiDashboard = {
  departments: [
    department('dept-finance', 'Finance', [kpi('dso', 'Days sales outstanding', 'onTrack', 'dept-finance')]),
    department('dept-sales', 'Sales', [kpi('revenue', 'Weekly revenue', 'offTrack'), kpi('win-rate', 'Win rate', 'onTrack')]),
  ],
};

describe('the dashboard', () => {
  it('counts every status, zero included, per department and in all', () => {
    expect(countByStatus([kpi('a', 'A', 'atRisk'), kpi('b', 'B', 'atRisk')])).toEqual({ onTrack: 0, atRisk: 2, offTrack: 0, noData: 0 });
    expect(totalCounts(dashboard)).toEqual({ onTrack: 2, atRisk: 0, offTrack: 1, noData: 0, all: 3 });
  });

  it('filters by status and by name, id or description', () => {
    const sales = dashboard.departments[1]!;
    expect(visibleKpis(sales, 'offTrack', '').map((k) => k.kpiId)).toEqual(['revenue']);
    expect(visibleKpis(sales, 'all', ' WIN ').map((k) => k.kpiId)).toEqual(['win-rate']);
    expect(visibleKpis(sales, 'all', 'of the week').length).toBe(2);
    expect(visibleKpis(sales, 'atRisk', '')).toEqual([]);
    expect(noMatchText('Sales', 'atRisk', '')).toBe('No at risk KPIs in Sales.');
    expect(noMatchText('Sales', 'all', ' churn ')).toBe('No KPIs in Sales match “churn”.');
  });

  it('puts a saved KPI in place (or adds it by name) and recounts its department only', () => {
    const updated = withSummary(dashboard, kpi('win-rate', 'Win rate', 'offTrack'));
    expect(updated.departments[1]!.counts).toEqual({ onTrack: 0, atRisk: 0, offTrack: 2, noData: 0 });
    expect(updated.departments[0]).toBe(dashboard.departments[0]);
    const added = withSummary(dashboard, kpi('nps', 'Net promoter score', 'noData'));
    expect(added.departments[1]!.kpis.map((k) => k.kpiId)).toEqual(['nps', 'revenue', 'win-rate']);
    const removed = withoutKpi(dashboard, 'dept-sales', 'revenue');
    expect(removed.departments[1]!.kpis.map((k) => k.kpiId)).toEqual(['win-rate']);
    expect(removed.departments[1]!.counts.offTrack).toBe(0);
  });

  it("keeps a KPI's etag when a data point's answer has none, and takes a saved KPI's new one", () => {
    const tagged = withSummary(dashboard, { ...kpi('win-rate', 'Win rate', 'atRisk'), etag: 'W/"v1"' });
    const afterPoint = withSummary(tagged, kpi('win-rate', 'Win rate', 'offTrack'));
    expect(findKpi(afterPoint, 'dept-sales', 'win-rate')?.kpi).toMatchObject({ status: 'offTrack', etag: 'W/"v1"' });
    const afterSave = withSummary(afterPoint, { ...kpi('win-rate', 'Win rate', 'offTrack'), etag: 'W/"v2"' });
    expect(findKpi(afterSave, 'dept-sales', 'win-rate')?.kpi.etag).toBe('W/"v2"');
  });

  it('finds the KPI a link names, only in the caller’s departments', () => {
    expect(findKpi(dashboard, 'dept-sales', 'win-rate')?.kpi.name).toBe('Win rate');
    expect(findKpi(dashboard, 'dept-finance', 'win-rate')).toBeUndefined();
    expect(findKpi(undefined, 'dept-sales', 'win-rate')).toBeUndefined();
  });
});
