import { describe, expect, it } from '@jest/globals';
import type { KpiSummary } from '@planboard/contracts';
import { ApiError } from '../../api/client';
import {
  apiFieldErrors,
  fieldOf,
  kpiFields,
  kpiFormFrom,
  parseNumberInput,
  pointFields,
  pointFormDefaults,
  slugify,
  validateKpiForm,
  validatePointForm,
  type PointForm,
} from './kpiForms';

const form = (extra: Partial<PointForm> = {}): PointForm => ({
  period: 'weekly',
  periodStart: '2026-11-09',
  value: '97.5',
  target: '95',
  notes: '',
  ...extra,
});
const higher = { targetType: 'higherIsBetter' as const };

describe('numbers as typed', () => {
  it('reads en-US and the user locale, and says why text is not a number', () => {
    expect(parseNumberInput('1,234.5', 'en-US')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumberInput('1.234,5', 'de-DE')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumberInput('97.5', 'de-DE')).toEqual({ ok: true, value: 97.5 });
    expect(parseNumberInput(' -3 ', 'en-US')).toEqual({ ok: true, value: -3 });
    expect(parseNumberInput('\u221212,5', 'fr-FR')).toEqual({ ok: true, value: -12.5 });
    expect(parseNumberInput('96%', 'en-US')).toEqual({ ok: true, value: 96 });
    expect(parseNumberInput('', 'en-US')).toEqual({ ok: true, value: undefined });
    const bad = parseNumberInput('abc', 'en-US');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toBe('“abc” is not a number. Type a number such as 97.5.');
  });
});

describe('the data point form', () => {
  it('turns a valid form into the API input', () => {
    expect(validatePointForm(form({ notes: 'Late delivery' }), higher, 'en-US')).toEqual({
      ok: true,
      input: { period: 'weekly', periodStart: '2026-11-09', value: 97.5, target: 95, notes: 'Late delivery' },
    });
  });

  it('puts each problem on its field, in words', () => {
    const result = validatePointForm(form({ value: '', target: 'x', periodStart: '2026-02-30' }), higher, 'en-US');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.value).toBe('Enter a value.');
    expect(result.errors.target).toMatch(/^“x” is not a number/);
    expect(result.errors.periodStart).toBe('Not a calendar date.');
    const empty = validatePointForm(form({ periodStart: '', target: '' }), higher, 'en-US');
    expect(!empty.ok && empty.errors).toEqual({
      periodStart: 'Enter the date the period starts.',
      target: 'Enter the target for this period.',
    });
  });

  it('mirrors the schema limits (value bounds, notes length)', () => {
    const result = validatePointForm(form({ value: '2000000000000', notes: 'x'.repeat(2001) }), higher, 'en-US');
    expect(!result.ok && result.errors).toEqual({ value: 'Must be at most 1,000,000,000,000.', notes: 'Use at most 2,000 characters.' });
  });

  it('sends no target for a "within range" KPI', () => {
    const result = validatePointForm(form({ target: '' }), { targetType: 'withinRange' }, 'en-US');
    expect(result.ok && result.input).toEqual({ period: 'weekly', periodStart: '2026-11-09', value: 97.5, notes: '' });
  });

  it('refuses a period that has not begun, saying why', () => {
    const now = new Date('2026-11-10T12:00:00Z');
    const result = validatePointForm(form({ periodStart: '2026-11-16' }), higher, 'en-US', now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.periodStart).toMatch(/has not begun yet/);
    expect(validatePointForm(form({ periodStart: '2026-11-09' }), higher, 'en-US', now).ok).toBe(true);
  });

  it("defaults to the current period of the latest point's kind, with its target", () => {
    const latest = {
      period: 'weekly' as const,
      periodStart: '2026-11-02',
      value: 97,
      target: 95,
      notes: '',
      status: 'onTrack' as const,
      author: 'a',
      recordedAt: '',
    };
    // Thursday 19 Nov: the week of Monday 16 Nov, not the week after the latest point (9 Nov).
    expect(pointFormDefaults({ latest, trend: [latest] }, '2026-11-19')).toEqual(form({ value: '', periodStart: '2026-11-16' }));
    expect(pointFormDefaults({ trend: [] }, '2026-11-05')).toEqual(form({ value: '', target: '', periodStart: '2026-11-02' }));
    const monthly = { ...latest, period: 'monthly' as const, periodStart: '2026-09-01' };
    expect(pointFormDefaults({ latest: monthly, trend: [monthly] }, '2026-11-19').periodStart).toBe('2026-11-01');
  });
});

describe('the KPI definition form', () => {
  const kpi: KpiSummary = {
    departmentId: 'dept-sales',
    kpiId: 'win-rate',
    name: 'Win rate',
    unit: '%',
    description: '',
    targetType: 'withinRange',
    thresholds: { atRiskPct: 5, offTrackPct: 15 },
    rangeMin: 20,
    rangeMax: 40,
    status: 'noData',
    trend: [],
  };

  it('round-trips an existing KPI', () => {
    const result = validateKpiForm(kpiFormFrom(kpi), 'en-US');
    expect(result).toEqual({
      ok: true,
      input: {
        kpiId: 'win-rate',
        name: 'Win rate',
        unit: '%',
        description: '',
        targetType: 'withinRange',
        thresholds: { atRiskPct: 5, offTrackPct: 15 },
        rangeMin: 20,
        rangeMax: 40,
      },
    });
  });

  it('checks ids, names, thresholds and ranges like the API', () => {
    const result = validateKpiForm(
      { ...kpiFormFrom(kpi), kpiId: 'Win Rate', name: ' ', atRiskPct: '20', offTrackPct: '10', rangeMin: '50' },
      'en-US',
    );
    expect(!result.ok && result.errors).toEqual({
      kpiId: 'A KPI id is a lower-case slug such as on-time-delivery.',
      name: 'Enter a name.',
      offTrackPct: 'Must not be below the at-risk threshold.',
      rangeMax: 'Must not be below the lowest value in range.',
    });
    const rules = validateKpiForm({ ...kpiFormFrom(kpi), atRiskPct: '20', offTrackPct: '10' }, 'en-US');
    expect(!rules.ok && rules.errors).toEqual({ offTrackPct: 'Must not be below the at-risk threshold.' });
    const range = validateKpiForm({ ...kpiFormFrom(kpi), rangeMin: '50' }, 'en-US');
    expect(!range.ok && range.errors).toEqual({ rangeMax: 'Must not be below the lowest value in range.' });
    const empty = validateKpiForm({ ...kpiFormFrom(), name: 'Churn', kpiId: '', atRiskPct: '' }, 'en-US');
    expect(!empty.ok && empty.errors).toEqual({
      kpiId: 'Enter an ID, such as on-time-delivery.',
      atRiskPct: 'Enter the at-risk threshold.',
    });
  });

  it('suggests an id from the name', () => {
    expect(slugify('On-time delivery %')).toBe('on-time-delivery');
    expect(slugify('  Café  Net Promoter Score ')).toBe('cafe-net-promoter-score');
  });
});

describe('server validation errors on fields', () => {
  it('finds the field a path names', () => {
    expect(fieldOf('thresholds.offTrackPct', kpiFields)).toBe('offTrackPct');
    expect(fieldOf(['body', 'value'], pointFields)).toBe('value');
    expect(fieldOf('somethingElse', pointFields)).toBeUndefined();
  });

  it('maps 400 details onto fields, the rest onto the form', () => {
    const error = new ApiError(400, 'ValidationFailed', 'Invalid data point', [
      { path: 'value', message: 'must be a finite number' },
      { path: 'periodStart', message: 'not a calendar date' },
      { path: '', message: 'KPI is archived' },
    ]);
    expect(apiFieldErrors(error, pointFields)).toEqual({
      value: 'Must be a finite number.',
      periodStart: 'Not a calendar date.',
      form: 'KPI is archived.',
    });
    expect(apiFieldErrors(new Error('x'), pointFields)).toEqual({});
  });
});
