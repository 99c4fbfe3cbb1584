import { findOutliers, isOutlier, median, outlierBaseline, outlierRule, outlierRuleText } from './outliers';

const minutes = (value: number) => value * 60_000;
const start = Date.parse('2026-03-01T00:00:00Z');
const refreshes = (durations: readonly (number | null)[], status = 'Completed') =>
  durations.map((durationMs, index) => ({
    id: `r${index}`,
    startTime: new Date(start + index * 3_600_000).toISOString(),
    status,
    durationMs,
  }));

describe('median', () => {
  it('takes the middle value or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe('outlierBaseline', () => {
  it('does not judge a model with fewer than 8 previous completed refreshes', () => {
    expect(outlierBaseline(Array.from({ length: 7 }, () => minutes(10)))).toBeUndefined();
    expect(outlierBaseline(Array.from({ length: 8 }, () => minutes(10)))).toBeDefined();
  });

  it('is median + 3 × 1.4826 × MAD', () => {
    // Median 10 min, deviations 0,1,1,2,2 min → MAD 1 min.
    const durations = [10, 9, 11, 8, 12, 10, 9, 11, 8, 12].map(minutes);
    const baseline = outlierBaseline(durations);
    expect(baseline?.medianMs).toBe(minutes(10));
    expect(baseline?.spreadMs).toBeCloseTo(minutes(1) * 1.4826);
    expect(baseline?.thresholdMs).toBeCloseTo(minutes(10) + 3 * 1.4826 * minutes(1));
    expect(baseline?.basis).toBe(10);
  });

  it('uses only the newest 30 previous refreshes', () => {
    const old = Array.from({ length: 40 }, () => minutes(100));
    const recent = Array.from({ length: 30 }, () => minutes(5));
    expect(outlierBaseline([...old, ...recent])?.medianMs).toBe(minutes(5));
    expect(outlierBaseline([...old, ...recent])?.basis).toBe(outlierRule.history);
  });

  it('keeps a minimum spread when every refresh took the same time', () => {
    const baseline = outlierBaseline(Array.from({ length: 10 }, () => minutes(10)));
    // 1 % of 10 min = 6 s; threshold 10 min + 18 s.
    expect(baseline?.thresholdMs).toBe(minutes(10) + 18_000);
    expect(isOutlier(minutes(10) + 1000, baseline)).toBe(false);
    expect(isOutlier(minutes(11), baseline)).toBe(true);
  });
});

describe('findOutliers', () => {
  it('finds the one refresh five times slower than its model’s norm', () => {
    const durations = [10, 11, 9, 10, 12, 10, 9, 11, 10, 10, 50, 10].map(minutes);
    const found = findOutliers(refreshes(durations));
    expect(found.map((verdict) => verdict.refresh.id)).toEqual(['r10']);
    expect(found[0]?.ratio).toBeCloseTo(5);
  });

  it('does not let a slow refresh raise the bar for the next: a regression stays visible', () => {
    const durations = [...Array.from({ length: 10 }, () => 10), 40, 42, 41].map(minutes);
    expect(findOutliers(refreshes(durations)).map((verdict) => verdict.refresh.id)).toEqual(['r10', 'r11', 'r12']);
  });

  it('ignores failed and running refreshes, both as judged and as history', () => {
    const completed = refreshes(Array.from({ length: 7 }, () => minutes(10)));
    const failed = refreshes([minutes(1), minutes(1)], 'Failed').map((refresh, index) => ({ ...refresh, id: `f${index}` }));
    const running = { id: 'u', startTime: new Date(start + 20 * 3_600_000).toISOString(), status: 'Unknown', durationMs: null };
    const slow = { id: 'slow', startTime: new Date(start + 30 * 3_600_000).toISOString(), status: 'Completed', durationMs: minutes(50) };
    // Only 7 completed before the slow one: not judged.
    expect(findOutliers([...completed, ...failed, running, slow])).toEqual([]);
    const eighth = { id: 'r7', startTime: new Date(start + 25 * 3_600_000).toISOString(), status: 'Completed', durationMs: minutes(10) };
    expect(findOutliers([slow, eighth, ...failed, ...completed]).map((verdict) => verdict.refresh.id)).toEqual(['slow']);
  });

  it('does not flag a model that is always slow', () => {
    expect(findOutliers(refreshes(Array.from({ length: 40 }, (_, index) => minutes(120 + (index % 5)))))).toEqual([]);
  });
});

describe('outlierRuleText', () => {
  it('names the rule’s numbers', () => {
    expect(outlierRuleText).toContain('median + 3 × scaled MAD');
    expect(outlierRuleText).toContain('1.4826');
    expect(outlierRuleText).toContain('previous 30 completed refreshes');
    expect(outlierRuleText).toContain('fewer than 8');
  });
});
