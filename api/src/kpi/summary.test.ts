import { kpiDetailSchema, kpiSummarySchema, notificationSchema } from '@planboard/contracts';
import { pushRows, type KpiDefinition, type StoredPoint } from '@planboard/server';
import { offTrackNotification } from './notify';
import { countStatuses, detail, summarize, trendLength } from './summary';

const kpi: KpiDefinition = {
  departmentId: 'dept-operations',
  kpiId: 'on-time-delivery',
  name: 'On-time delivery',
  unit: '%',
  description: 'Orders delivered on the promised day.',
  targetType: 'higherIsBetter',
  thresholds: { atRiskPct: 2, offTrackPct: 5 },
};
const week = (index: number): string => new Date(Date.UTC(2026, 0, 5) + index * 7 * 86_400_000).toISOString().slice(0, 10);
const point = (index: number, value: number): StoredPoint => ({
  period: 'weekly',
  periodStart: week(index),
  value,
  target: 95,
  notes: '',
  author: 'grace.kim@contoso.onmicrosoft.com',
  recordedAt: `${week(index + 1)}T09:00:00.000Z`,
});
// 15 weeks, stored order shuffled: the last one is 10 % short (off track).
const points = Array.from({ length: 15 }, (_, index) => point(index, index === 14 ? 85.5 : 95 + (index % 3))).reverse();

describe('KPI summary and detail', () => {
  it('rates every point, takes the status of the latest period and the last 12 points as trend, oldest first', () => {
    const summary = kpiSummarySchema.parse(summarize(kpi, points));
    expect(summary.status).toBe('offTrack');
    expect(summary.latest).toMatchObject({ periodStart: week(14), value: 85.5, status: 'offTrack', target: 95 });
    expect(summary.trend).toHaveLength(trendLength);
    expect(summary.trend.map((p) => p.periodStart)).toEqual(Array.from({ length: 12 }, (_, index) => week(index + 3)));
    expect(summary.trend.slice(0, -1).every((p) => p.status === 'onTrack')).toBe(true);
  });

  it('has no data and no latest point without points', () => {
    const summary = summarize(kpi, []);
    expect(summary).toMatchObject({ status: 'noData', trend: [] });
    expect(summary).not.toHaveProperty('latest');
  });

  it('lists all points newest first in the detail', () => {
    const body = kpiDetailSchema.parse(detail(kpi, points, 'W/"v1"'));
    expect(body.etag).toBe('W/"v1"');
    expect(body.points).toHaveLength(15);
    expect(body.points[0]?.periodStart).toBe(week(14));
    expect(body.points.at(-1)?.periodStart).toBe(week(0));
  });

  it('counts every status, zero included', () => {
    expect(countStatuses([{ status: 'onTrack' }, { status: 'onTrack' }, { status: 'noData' }])).toEqual({
      onTrack: 2,
      atRisk: 0,
      offTrack: 0,
      noData: 1,
    });
  });
});

describe('off-track alert', () => {
  it('is a valid queue message whose id names department, KPI and period', () => {
    const latest = point(14, 85.5);
    const message = notificationSchema.parse(
      offTrackNotification(kpi, 'Operations', latest, { name: 'Grace Kim', upn: 'grace.kim@contoso.onmicrosoft.com' }),
    );
    expect(message).toMatchObject({
      kind: 'kpiOffTrack',
      id: `kpiOffTrack:dept-operations:on-time-delivery:${week(14)}`,
      departmentName: 'Operations',
      kpiName: 'On-time delivery',
      value: 85.5,
      target: 95,
      targetText: '≥ 95 %',
      period: 'weekly',
      periodStart: week(14),
      by: { name: 'Grace Kim', upn: 'grace.kim@contoso.onmicrosoft.com' },
      at: latest.recordedAt,
    });
  });
});

describe('Power BI rows', () => {
  it('has the DataPoints columns, with the point status and a null target for a range KPI', () => {
    const range: KpiDefinition = { ...kpi, kpiId: 'cold', targetType: 'withinRange', rangeMin: 2, rangeMax: 4 };
    const [row] = pushRows(range, 'Operations', [{ ...point(0, 4.1), target: undefined }]);
    expect(row).toEqual({
      KpiId: 'cold',
      KpiName: 'On-time delivery',
      Department: 'Operations',
      Date: `${week(0)}T00:00:00Z`,
      Period: 'weekly',
      Value: 4.1,
      Target: null,
      Status: 'atRisk',
      Author: 'grace.kim@contoso.onmicrosoft.com',
    });
  });
});
