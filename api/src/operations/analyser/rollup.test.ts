import fc from 'fast-check';
import type { StoredRefresh } from '@planboard/contracts';
import { addToRollup, bucketOf, emptyRollup, mergeRollups, percentileOf, type RollupInput } from './rollup';

const dayStart = Date.parse('2026-03-02T00:00:00Z');
const statuses = ['Completed', 'Failed', 'Cancelled', 'Disabled', 'Unknown'] as const;

const refreshArb: fc.Arbitrary<RollupInput> = fc
  .record({
    requestId: fc.uuid(),
    offset: fc.integer({ min: 0, max: 86_399_999 }),
    durationMs: fc.integer({ min: 0, max: 10 * 3_600_000 }),
    status: fc.constantFrom(...statuses),
    scheduled: fc.boolean(),
    delayMs: fc.integer({ min: 0, max: 3 * 3_600_000 }),
    code: fc.constantFrom('ModelRefreshFailed_CredentialsNotSpecified', 'DMTS_OAuthTokenRefreshFailedError', 'Timeout'),
  })
  .map(({ requestId, offset, durationMs, status, scheduled, delayMs, code }) => {
    const refresh: StoredRefresh = {
      requestId,
      refreshType: scheduled ? 'Scheduled' : 'OnDemand',
      startTime: new Date(dayStart + offset).toISOString(),
      endTime: status === 'Unknown' ? null : new Date(dayStart + offset + durationMs).toISOString(),
      durationMs: status === 'Unknown' ? null : durationMs,
      status,
      errorCode: status === 'Failed' ? code : null,
      errorDescription: status === 'Failed' ? 'It failed.' : null,
      attempts: 1,
    };
    return scheduled ? { refresh, delayMs } : { refresh };
  });
const refreshesArb = fc.uniqueArray(refreshArb, { selector: (input) => input.refresh.requestId, maxLength: 60 });

const recompute = (inputs: readonly RollupInput[]) => addToRollup(emptyRollup(), inputs).rollup;

describe('rollups', () => {
  it('adding refreshes in any batches, order and with repeats equals summarising the raw rows once', () => {
    fc.assert(
      fc.property(refreshesArb, fc.array(fc.nat(), { maxLength: 10 }), fc.nat(), (inputs, cuts, seed) => {
        // Batches as the history fetch stores them: overlapping windows, re-read entries, any order.
        const shuffled = [...inputs].sort((a, b) => ((idHash(a) + seed) % 97) - ((idHash(b) + seed) % 97));
        const points = [...new Set(cuts.map((cut) => cut % (shuffled.length + 1)))].sort((a, b) => a - b);
        let rollup = emptyRollup();
        let from = 0;
        for (const point of [...points, shuffled.length]) {
          const batch = shuffled.slice(Math.max(0, from - 2), point);
          rollup = addToRollup(rollup, batch).rollup;
          rollup = addToRollup(rollup, batch).rollup;
          from = point;
        }
        expect(rollup).toEqual(recompute(inputs));
      }),
      { numRuns: 200 },
    );
  });

  it('merging the rollups of disjoint refreshes equals the rollup of them all', () => {
    fc.assert(
      fc.property(refreshesArb, fc.nat(), (inputs, split) => {
        const at = split % (inputs.length + 1);
        expect(mergeRollups(recompute(inputs.slice(0, at)), recompute(inputs.slice(at)))).toEqual(recompute(inputs));
      }),
      { numRuns: 200 },
    );
  });

  it('reads percentiles within 5 % of the exact nearest-rank percentile', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1000, max: 20 * 3_600_000 }), { minLength: 1, maxLength: 200 }), (durations) => {
        const histogram: Record<string, number> = {};
        for (const value of durations) histogram[bucketOf(value)] = (histogram[bucketOf(value)] ?? 0) + 1;
        const sorted = [...durations].sort((a, b) => a - b);
        for (const p of [0.5, 0.95]) {
          const exact = sorted[Math.ceil(p * sorted.length) - 1] as number;
          const read = percentileOf(histogram, p) as number;
          expect(Math.abs(read - exact) / exact).toBeLessThanOrEqual(0.05);
        }
      }),
    );
  });

  it('does not count running refreshes, and counts them once they end', () => {
    const running: StoredRefresh = {
      requestId: 'a',
      refreshType: 'Scheduled',
      startTime: '2026-03-02T06:00:05.000Z',
      endTime: null,
      durationMs: null,
      status: 'Unknown',
      errorCode: null,
      errorDescription: null,
      attempts: 0,
    };
    const first = addToRollup(emptyRollup(), [{ refresh: running }]);
    expect(first.added).toEqual([]);
    const done = { ...running, status: 'Completed', endTime: '2026-03-02T06:10:05.000Z', durationMs: 600_000 };
    const second = addToRollup(first.rollup, [{ refresh: done, delayMs: 5000 }]);
    expect(second.added).toEqual([done]);
    expect(second.rollup.counts).toEqual({ Completed: 1 });
    expect(second.rollup.hours).toEqual({ '06': { Completed: 1 } });
    expect(Math.abs((percentileOf(second.rollup.durations, 0.5) as number) / 600_000 - 1)).toBeLessThan(0.05);
    expect(Math.abs((percentileOf(second.rollup.delays, 0.5) as number) / 5000 - 1)).toBeLessThan(0.05);
  });
});

function idHash(input: RollupInput): number {
  return [...input.refresh.requestId].reduce((sum, char) => sum + char.charCodeAt(0), 0);
}
