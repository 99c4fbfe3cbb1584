import { analyzeHistory, finishedRetry } from './history';
import { refresh } from './test-support/fake-powerbi';

const t0 = Date.parse('2026-03-06T06:00:00Z');
const hour = 3_600_000;

describe('analyzeHistory', () => {
  const history = [
    refresh('r5', 'Unknown', t0 + 5 * hour),
    refresh('r4', 'Failed', t0 + 4 * hour),
    refresh('api', 'Completed', t0 + 3.5 * hour, 60_000, 'ViaApi'),
    refresh('r3', 'Failed', t0 + 3 * hour),
    refresh('r2', 'Failed', t0 + 2 * hour),
    refresh('r1', 'Completed', t0 + hour),
  ];

  it('reports failures that ended since seenUntil, oldest first, with errors and duration', () => {
    const facts = analyzeHistory(history, new Date(t0 + 2.5 * hour).toISOString());
    expect(facts.inFlight).toBe(true);
    expect(facts.newFailures.map((failure) => failure.requestId)).toEqual(['r3', 'r4']);
    expect(facts.newFailures[1]).toMatchObject({
      errorCode: 'ModelRefreshFailed_CredentialsNotSpecified',
      errorDescription: 'Credentials are missing',
      durationMs: 60_000,
      scheduled: true,
    });
  });

  it('counts scheduled failures in a row, ignoring API refreshes in between (Power BI disables after four)', () => {
    const facts = analyzeHistory(history, new Date(0).toISOString());
    expect(facts.newFailures.map((failure) => [failure.requestId, failure.consecutiveFailures])).toEqual([
      ['r2', 1],
      ['r3', 2],
      ['r4', 3],
    ]);
  });

  it('gives each failure the last success before it, from the history or what was stored', () => {
    const facts = analyzeHistory(history, new Date(0).toISOString());
    expect(facts.newFailures[2]?.lastSuccessAt).toBe(new Date(t0 + 3.5 * hour + 60_000).toISOString());
    expect(facts.newFailures[0]?.lastSuccessAt).toBe(new Date(t0 + hour + 60_000).toISOString());
    const older = analyzeHistory([refresh('x', 'Failed', t0)], new Date(0).toISOString(), '2026-03-01T00:00:00.000Z');
    expect(older.newFailures[0]?.lastSuccessAt).toBe('2026-03-01T00:00:00.000Z');
    expect(analyzeHistory([refresh('x', 'Failed', t0)], new Date(0).toISOString()).newFailures[0]?.lastSuccessAt).toBeNull();
  });

  it('finds the outcome of a retry by request id, or by start time when the id is unknown', () => {
    expect(finishedRetry(history, 'r4', 0)?.status).toBe('Failed');
    expect(finishedRetry(history, 'r5', 0)).toBeUndefined();
    expect(finishedRetry(history, undefined, t0 + 3.2 * hour)?.requestId).toBe('api');
  });
});
