import type { KpiRule } from './model';
import type { StoredPoint } from './model';
import { kpiStatus, latestPoint, pointStatus, shortfallPct, targetProblem, targetText } from './status';

const higher: KpiRule = { targetType: 'higherIsBetter', thresholds: { atRiskPct: 5, offTrackPct: 10 }, unit: '%' };
const lower: KpiRule = { targetType: 'lowerIsBetter', thresholds: { atRiskPct: 10, offTrackPct: 25 }, unit: 'days' };
const range: KpiRule = { targetType: 'withinRange', thresholds: { atRiskPct: 10, offTrackPct: 50 }, unit: '°C', rangeMin: 2, rangeMax: 4 };

const point = (periodStart: string, value: number, target?: number, recordedAt = '2026-11-01T00:00:00Z'): StoredPoint => ({
  period: 'weekly',
  periodStart,
  value,
  ...(target === undefined ? {} : { target }),
  notes: '',
  author: 'a@contoso.onmicrosoft.com',
  recordedAt,
});

describe('shortfall', () => {
  it('is 0 when the target is met or beaten', () => {
    expect(shortfallPct(higher, 96, 95)).toBe(0);
    expect(shortfallPct(higher, 95, 95)).toBe(0);
    expect(shortfallPct(lower, 2, 3)).toBe(0);
    expect(shortfallPct(range, 3, undefined)).toBe(0);
    expect(shortfallPct(range, 2, undefined)).toBe(0);
  });

  it('is the gap in % of |target|, exact at the thresholds despite floating point', () => {
    expect(shortfallPct(higher, 90, 100)).toBe(10);
    expect(shortfallPct(higher, 0.27, 0.3)).toBe(10);
    expect(shortfallPct(lower, 3.3, 3)).toBe(10);
    // A negative target: "higher is better" from -10 means -11 is 10 % short.
    expect(shortfallPct(higher, -11, -10)).toBe(10);
  });

  it('is the distance outside the range in % of its width, on either side', () => {
    expect(shortfallPct(range, 4.2, undefined)).toBe(10);
    expect(shortfallPct(range, 1, 99)).toBe(50); // the point's target does not matter for a range
  });

  it('is infinite against a zero target or an empty range, and unknown without a target', () => {
    expect(shortfallPct(lower, 1, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(shortfallPct(lower, 0, 0)).toBe(0);
    expect(shortfallPct({ ...range, rangeMin: 3, rangeMax: 3 }, 3.1)).toBe(Number.POSITIVE_INFINITY);
    expect(shortfallPct(higher, 5)).toBeUndefined();
    expect(shortfallPct({ ...range, rangeMax: undefined }, 5)).toBeUndefined();
  });
});

describe('point status', () => {
  it.each([
    [95, 'onTrack'],
    [94.05, 'onTrack'], // exactly 1 % short
    [90.25, 'onTrack'], // exactly 5 %: still on track
    [90.2, 'atRisk'],
    [85.5, 'atRisk'], // exactly 10 %
    [85.4, 'offTrack'],
  ] as const)('higher is better, target 95: %d is %s', (value, status) => {
    expect(pointStatus(higher, { value, target: 95 })).toBe(status);
  });

  it.each([
    [3, 'onTrack'],
    [3.3, 'onTrack'],
    [3.6, 'atRisk'],
    [3.75, 'atRisk'],
    [3.8, 'offTrack'],
  ] as const)('lower is better, target 3: %d is %s', (value, status) => {
    expect(pointStatus(lower, { value, target: 3 })).toBe(status);
  });

  it.each([
    [3, 'onTrack'],
    [4.2, 'onTrack'],
    [1.5, 'atRisk'],
    [5, 'atRisk'],
    [0.9, 'offTrack'],
  ] as const)('within 2–4: %d is %s', (value, status) => {
    expect(pointStatus(range, { value })).toBe(status);
  });

  it('is noData when the KPI needs a target the point lacks', () => {
    expect(pointStatus(higher, { value: 1 })).toBe('noData');
  });
});

describe('KPI status', () => {
  it('is the status of the latest period, whatever the order of the points', () => {
    const points = [point('2026-11-09', 80, 95), point('2026-10-26', 96, 95), point('2026-11-02', 96, 95)];
    expect(latestPoint(points)?.periodStart).toBe('2026-11-09');
    expect(kpiStatus(higher, points)).toBe('offTrack');
    expect(kpiStatus(higher, points.slice(1))).toBe('onTrack');
  });

  it('takes the point recorded last when two periods start the same day', () => {
    const weekly = point('2026-11-02', 96, 95, '2026-11-08T00:00:00Z');
    const monthly = { ...point('2026-11-02', 80, 95, '2026-11-30T00:00:00Z'), period: 'monthly' as const };
    expect(kpiStatus(higher, [monthly, weekly])).toBe('offTrack');
  });

  it('is noData without points', () => {
    expect(kpiStatus(higher, [])).toBe('noData');
  });
});

describe('target in words', () => {
  it('says what on track means', () => {
    expect(targetText(higher, 95)).toBe('≥ 95 %');
    expect(targetText(lower, 3)).toBe('≤ 3 days');
    expect(targetText(range)).toBe('between 2 and 4 °C');
    expect(targetText({ ...higher, unit: 'EUR' }, 250000)).toBe('≥ 250,000 EUR');
    expect(targetText({ ...lower, unit: '' }, 2.5)).toBe('≤ 2.5');
    expect(targetText(higher)).toBe('no target set');
  });
});

describe('target rule', () => {
  it('requires a target unless the KPI is within range', () => {
    expect(targetProblem(higher, {})).toMatch(/target is required.*higher is better/);
    expect(targetProblem(lower, {})).toMatch(/lower is better/);
    expect(targetProblem(higher, { target: 1 })).toBeUndefined();
    expect(targetProblem(range, {})).toBeUndefined();
  });
});
