import { describe, expect, it } from '@jest/globals';
import type { KpiDataPoint, KpiSummary } from '@planboard/contracts';
import {
  countText,
  formatTick,
  gapText,
  gapToTarget,
  statusWord,
  formatValue,
  nextPeriodStart,
  periodText,
  pointText,
  shortPeriodText,
  spanText,
  targetText,
  thresholdText,
  trendSummary,
} from './kpiFormat';

const en = 'en-GB';
const point = (value: number, periodStart: string, extra: Partial<KpiDataPoint> = {}): KpiDataPoint => ({
  period: 'weekly',
  periodStart,
  value,
  target: 95,
  notes: '',
  status: 'onTrack',
  author: 'nora.lindqvist@contoso.onmicrosoft.com',
  recordedAt: '2026-11-02T09:00:00Z',
  ...extra,
});

describe('values and targets in words', () => {
  it('formats values with their unit, and nothing as a dash', () => {
    expect(formatValue(97.456, '%', en)).toBe('97.46\u00a0%');
    expect(formatValue(1250, 'EUR', en)).toBe('1,250\u00a0EUR');
    expect(formatValue(3, '', en)).toBe('3');
    expect(formatValue(undefined, '%', en)).toBe('—');
  });

  it('says the target by target type', () => {
    const unit = '%';
    expect(targetText({ targetType: 'higherIsBetter', unit }, 95, en)).toBe('At least 95\u00a0%');
    expect(targetText({ targetType: 'lowerIsBetter', unit: 'days' }, 2.5, en)).toBe('At most 2.5\u00a0days');
    expect(targetText({ targetType: 'withinRange', unit: 'h', rangeMin: 40, rangeMax: 60 }, undefined, en)).toBe(
      'Between 40 and 60\u00a0h',
    );
    expect(targetText({ targetType: 'higherIsBetter', unit }, undefined, en)).toBe('Higher is better');
    expect(targetText({ targetType: 'withinRange', unit }, undefined, en)).toBe('Within a range');
  });

  it('explains the thresholds', () => {
    const thresholds = { atRiskPct: 5, offTrackPct: 12.5 };
    expect(thresholdText({ targetType: 'higherIsBetter', thresholds }, en)).toBe(
      'At risk when more than 5\u00a0% short of the target, off track beyond 12.5\u00a0%.',
    );
    expect(thresholdText({ targetType: 'withinRange', thresholds }, en)).toBe(
      'At risk when outside the range by more than 5\u00a0% of its width, off track beyond 12.5\u00a0%.',
    );
  });

  it('writes axis labels compactly from ten thousand up', () => {
    expect(formatTick(2.5, 'en-US')).toBe('2.5');
    expect(formatTick(9500, 'en-US')).toBe('9,500');
    expect(formatTick(125_000, 'en-US')).toBe('125K');
  });
});

describe('periods', () => {
  it('names periods as calendar dates, whatever the time zone', () => {
    expect(periodText('weekly', '2026-11-02', en)).toBe('Week of 2 Nov 2026');
    expect(periodText('daily', '2026-01-01', en)).toBe('1 Jan 2026');
    expect(periodText('monthly', '2026-11-01', en)).toBe('November 2026');
    expect(periodText('quarterly', '2026-10-01', en)).toBe('Q4 2026');
    expect(periodText('weekly', 'soon', en)).toBe('soon');
    expect(shortPeriodText('weekly', '2026-11-02', en)).toBe('2 Nov');
    expect(shortPeriodText('quarterly', '2026-04-01', en)).toBe('Q2 2026');
  });

  it('finds the next period start, across month and year ends', () => {
    expect(nextPeriodStart('weekly', '2026-12-28')).toBe('2027-01-04');
    expect(nextPeriodStart('daily', '2026-02-28')).toBe('2026-03-01');
    expect(nextPeriodStart('monthly', '2026-12-01')).toBe('2027-01-01');
    expect(nextPeriodStart('quarterly', '2026-10-01')).toBe('2027-01-01');
  });

  it('says how long a run of points spans', () => {
    expect(spanText([point(1, '2026-01-05')])).toBe('1 week');
    expect(spanText([point(1, '2026-01-05'), point(2, '2026-01-12')])).toBe('2 weeks');
    expect(spanText([point(1, '2026-01-05'), point(2, '2026-02-01', { period: 'monthly' })])).toBe('2 data points');
  });
});

describe('summaries for screen readers', () => {
  const kpi = (trend: KpiDataPoint[], status: KpiSummary['status'] = 'onTrack') => ({
    trend,
    status,
    unit: '%',
    targetType: 'higherIsBetter' as const,
  });

  it('summarises a sparkline: span, first to latest value, latest status', () => {
    const trend = Array.from({ length: 12 }, (_, i) => point(91 + (i * 6) / 11, `2026-0${1 + Math.floor(i / 4)}-0${1 + (i % 4)}`));
    expect(trendSummary(kpi(trend), en)).toBe('Trend over 12 weeks: 91 to 97\u00a0%, latest target met');
    expect(trendSummary(kpi([point(80, '2026-01-05', { status: 'offTrack' })], 'offTrack'), en)).toBe(
      'Trend over 1 week: 80\u00a0%, latest off track',
    );
    expect(trendSummary(kpi([], 'noData'), en)).toBe('No data yet');
  });

  it('describes one data point with its target and status', () => {
    const kpiDef = { targetType: 'higherIsBetter' as const, unit: '%' };
    expect(pointText(point(97, '2026-11-02'), kpiDef, en)).toBe('Week of 2 Nov 2026: 97\u00a0%, target at least 95\u00a0%, target met');
    expect(pointText(point(30, '2026-11-02', { target: undefined, status: 'offTrack' }), kpiDef, en)).toBe(
      'Week of 2 Nov 2026: 30\u00a0%, off track',
    );
    const range = { targetType: 'withinRange' as const, unit: 'h', rangeMin: 40, rangeMax: 60 };
    expect(pointText(point(70, '2026-11-02', { target: undefined, status: 'atRisk' }), range, en)).toBe(
      'Week of 2 Nov 2026: 70\u00a0h, target between 40 and 60\u00a0h, at risk',
    );
    expect(countText(2, 'atRisk')).toBe('2 at risk');
  });
});

describe('status words never contradict the numbers', () => {
  const atLeast30 = { targetType: 'higherIsBetter' as const, unit: '%' };

  it('calls a missed target inside the tolerance band "within tolerance", with the gap', () => {
    // 29.4 % against "at least 30 %" is rated onTrack by the 5 % tolerance: not "on track", not "met".
    const missed = point(29.4, '2026-11-02', { target: 30, status: 'onTrack' });
    expect(statusWord(atLeast30, missed)).toBe('Within tolerance');
    expect(gapToTarget(atLeast30, missed)).toBeCloseTo(0.6, 9);
    expect(gapText(atLeast30, missed, en)).toBe('0.6\u00a0% short of the target');
    expect(pointText(missed, atLeast30, en)).toBe('Week of 2 Nov 2026: 29.4\u00a0%, target at least 30\u00a0%, within tolerance');
  });

  it('says "target met" only when it is, in every target type', () => {
    expect(statusWord(atLeast30, point(30, '2026-11-02', { target: 30 }))).toBe('Target met');
    const atMost2 = { targetType: 'lowerIsBetter' as const, unit: 'days' };
    expect(gapText(atMost2, point(2.5, '2026-11-02', { target: 2 }), en)).toBe('0.5\u00a0days over the target');
    expect(statusWord(atMost2, point(2, '2026-11-02', { target: 2 }))).toBe('Target met');
    const range = { targetType: 'withinRange' as const, unit: 'h', rangeMin: 40, rangeMax: 60 };
    expect(gapText(range, point(62, '2026-11-02', { target: undefined }), en)).toBe('2\u00a0h outside the range');
    expect(statusWord(range, point(50, '2026-11-02', { target: undefined }))).toBe('Target met');
  });

  it('keeps the other statuses and says "no data" without a point', () => {
    expect(statusWord(atLeast30, point(20, '2026-11-02', { target: 30, status: 'offTrack' }))).toBe('Off track');
    expect(statusWord(atLeast30, undefined)).toBe('No data');
    expect(gapText(atLeast30, point(20, '2026-11-02', { target: undefined, status: 'noData' }), en)).toBeUndefined();
    expect(countText(2, 'onTrack')).toBe('2 within tolerance');
  });
});
