import { kpiDefinitionInputSchema } from '@planboard/contracts';
import { kpiStatus } from '@planboard/server';
import { departments, intendedSampleStatus, latestSampleWeek, sampleKpiEntities, sampleKpis, sampleKpiWeeks } from '@planboard/server';

const now = new Date('2026-11-22T10:00:00Z'); // a Sunday

describe('sample KPIs', () => {
  const kpis = sampleKpis(now);

  it('gives every department 2–4 valid KPIs mixing target types and units', () => {
    for (const department of departments) {
      const own = kpis.filter(({ kpi }) => kpi.departmentId === department.id);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.length).toBeLessThanOrEqual(4);
    }
    for (const { kpi } of kpis) {
      const { departmentId: _departmentId, ...input } = kpi;
      expect(kpiDefinitionInputSchema.parse(input)).toEqual(input);
    }
    expect(new Set(kpis.map(({ kpi }) => kpi.targetType))).toEqual(new Set(['higherIsBetter', 'lowerIsBetter', 'withinRange']));
    expect(kpis.map(({ kpi }) => kpi.unit)).toEqual(expect.arrayContaining(['%', 'EUR', 'days']));
  });

  it('has 12 weekly points each, ending in the last complete week, with the intended latest status', () => {
    expect(latestSampleWeek(now)).toBe('2026-11-09');
    expect(latestSampleWeek(new Date('2026-11-16T00:00:00Z'))).toBe('2026-11-09'); // a Monday: last week is complete
    for (const { kpi, points } of kpis) {
      expect(points).toHaveLength(sampleKpiWeeks);
      expect(points.every((point) => point.period === 'weekly' && new Date(`${point.periodStart}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
      expect(points.at(-1)?.periodStart).toBe('2026-11-09');
      expect(points.every((point) => point.recordedAt < now.toISOString())).toBe(true);
      expect(kpiStatus(kpi, points)).toBe(intendedSampleStatus(kpi.kpiId));
    }
  });

  it('shows sales one KPI at risk and one off track', () => {
    const sales = kpis.filter(({ kpi }) => kpi.departmentId === 'dept-sales').map(({ kpi, points }) => kpiStatus(kpi, points));
    expect(sales).toEqual(expect.arrayContaining(['atRisk', 'offTrack', 'onTrack']));
  });

  it('is the same on every run', () => {
    expect(sampleKpiEntities(now)).toEqual(sampleKpiEntities(now));
    const keys = sampleKpiEntities(now).points.map((entity) => `${entity.partitionKey}/${entity.rowKey}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
