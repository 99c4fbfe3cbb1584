import { categoryOf, moduleOf } from './categories';
import { refreshRowKey } from './history-store';
import { toStoredRefresh } from './history-fetch';

describe('toStoredRefresh', () => {
  it('keeps type, times, duration, the error from serviceExceptionJson and the attempts', () => {
    const stored = toStoredRefresh({
      requestId: 'r1',
      refreshType: 'Scheduled',
      startTime: '2026-12-01T06:00:00Z',
      endTime: '2026-12-01T06:02:30Z',
      status: 'Failed',
      serviceExceptionJson: '{"errorCode":"ModelRefreshFailed_CredentialsNotSpecified","errorDescription":"No credentials"}',
      refreshAttempts: [{ attemptId: 1 }, { attemptId: 2 }],
    });
    expect(stored).toEqual({
      requestId: 'r1',
      refreshType: 'Scheduled',
      startTime: '2026-12-01T06:00:00.000Z',
      endTime: '2026-12-01T06:02:30.000Z',
      durationMs: 150_000,
      status: 'Failed',
      errorCode: 'ModelRefreshFailed_CredentialsNotSpecified',
      errorDescription: 'No credentials',
      attempts: 2,
    });
  });

  it('stores a running refresh without end and skips an entry without a start time', () => {
    expect(toStoredRefresh({ requestId: 'r2', startTime: '2026-12-01T06:00:00Z', status: 'Unknown' })).toMatchObject({
      endTime: null,
      durationMs: null,
      status: 'Unknown',
    });
    expect(toStoredRefresh({ requestId: 'r3', status: 'Completed' })).toBeUndefined();
  });
});

describe('refreshRowKey', () => {
  it('sorts newer refreshes first and is the same for the same refresh', () => {
    const older = refreshRowKey({ startTime: '2026-12-01T06:00:00.000Z', requestId: 'a' });
    const newer = refreshRowKey({ startTime: '2026-12-01T06:30:00.000Z', requestId: 'b' });
    expect(newer < older).toBe(true);
    expect(refreshRowKey({ startTime: '2026-12-01T06:00:00.000Z', requestId: 'a' })).toBe(older);
  });
});

describe('categories', () => {
  it('guesses the module from the name and prefers what an admin assigned', () => {
    expect(moduleOf('Planboard Budget (Prod)')).toBe('Budget');
    expect(moduleOf('Logistics - UAT')).toBe('Logistics');
    expect(categoryOf('Planboard Stores (Dev)', undefined)).toEqual({ environment: 'Dev', module: 'Stores', categorySource: 'guessed' });
    expect(categoryOf('Planboard Stores (Dev)', { module: 'Sales' })).toEqual({
      environment: 'Dev',
      module: 'Sales',
      categorySource: 'assigned',
    });
  });
});
