import { describe, expect, it } from '@jest/globals';
import { PowerBiAuthError, PowerBiRequestError } from '@planboard/server';
import { isRunning, jobView, type WorkspaceOutcome } from './fetch-job-store';
import { failureReason } from './fetch-job';

const job = { jobId: 'abc12345-x', startedAt: '2026-12-07T10:00:00.000Z', startedBy: 'alex@contoso.com', total: 3 };
const outcome = (id: string, name: string, models: number, reason?: string): WorkspaceOutcome => ({
  workspaceId: id,
  workspaceName: name,
  models,
  ...(reason ? { reason } : {}),
  finishedAt: `2026-12-07T10:0${id}:00.000Z`,
});

describe('bulk fetch progress', () => {
  it('is running until every workspace has an outcome; failures are named, models summed', () => {
    expect(jobView(job, [])).toMatchObject({ done: 0, state: 'running', finishedAt: null, failures: [] });
    const partial = jobView(job, [outcome('1', 'Sales', 2), outcome('2', 'Budget', 0, 'no access')]);
    expect(partial).toMatchObject({ done: 2, models: 2, state: 'running', failures: [{ workspaceName: 'Budget', reason: 'no access' }] });
    const done = jobView(job, [outcome('1', 'Sales', 2), outcome('2', 'Budget', 0, 'no access'), outcome('3', 'KPI', 1)]);
    expect(done).toMatchObject({ done: 3, models: 3, state: 'completedWithFailures', finishedAt: '2026-12-07T10:03:00.000Z' });
    expect(jobView({ ...job, total: 1 }, [outcome('1', 'Sales', 2)]).state).toBe('completed');
    expect(jobView({ ...job, total: 0 }, []).state).toBe('completed');
  });
  it('treats a job running for over an hour as abandoned (a new start replaces it)', () => {
    const running = jobView(job, []);
    expect(isRunning(running, Date.parse(job.startedAt) + 59 * 60_000)).toBe(true);
    expect(isRunning(running, Date.parse(job.startedAt) + 61 * 60_000)).toBe(false);
    expect(isRunning(undefined, Date.now())).toBe(false);
  });
  it('says why a workspace failed in words an admin can act on', () => {
    expect(failureReason(new PowerBiAuthError({ message: 'no', code: 'PowerBINotAuthorizedException', status: 401 }))).toMatch(
      /no access to this workspace/,
    );
    expect(failureReason(new PowerBiRequestError({ message: 'x', code: 'ItemNotFound', status: 404 }))).toBe(
      'Power BI no longer has this workspace.',
    );
    expect(failureReason(new Error('boom'))).toBe('boom');
  });
});
