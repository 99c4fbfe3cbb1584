import { parseHostJson } from './host-json';
import { isFunctionDisabled, resolveHostId, resolveSettingExpressions, resolveStorageConnection } from './settings';
import { formatTimeSpan, parseTimeSpan } from './timespan';

describe('parseHostJson', () => {
  it('applies defaults (routePrefix api, base64, 5 dequeues, short local polling)', () => {
    expect(parseHostJson({ version: '2.0' })).toMatchObject({
      routePrefix: 'api',
      queues: {
        maxPollingIntervalMs: 2000,
        visibilityTimeoutMs: 0,
        batchSize: 16,
        newBatchThreshold: 8,
        maxDequeueCount: 5,
        messageEncoding: 'base64',
      },
    });
  });

  it('reads extensions case-insensitively', () => {
    const config = parseHostJson({
      Extensions: {
        HTTP: { routePrefix: '/v1/' },
        queues: {
          MaxPollingInterval: '00:00:05',
          visibilityTimeout: '00:00:30',
          batchSize: 64,
          maxDequeueCount: 2,
          messageEncoding: 'None',
        },
      },
      singleton: { listenerLockPeriod: '00:00:20' },
      functions: ['a'],
    });
    expect(config.routePrefix).toBe('v1');
    expect(config.queues).toMatchObject({
      maxPollingIntervalMs: 5000,
      visibilityTimeoutMs: 30_000,
      batchSize: 32,
      maxDequeueCount: 2,
      messageEncoding: 'none',
    });
    expect(config.singleton.listenerLockPeriodMs).toBe(20_000);
    expect(config.functions).toEqual(['a']);
  });

  it('allows an empty route prefix', () => {
    expect(parseHostJson({ extensions: { http: { routePrefix: '' } } }).routePrefix).toBe('');
  });
});

describe('TimeSpan', () => {
  it('parses hh:mm:ss, fractions, days and numbers', () => {
    expect(parseTimeSpan('00:00:02')).toBe(2000);
    expect(parseTimeSpan('00:00:00.500')).toBe(500);
    expect(parseTimeSpan('1.02:00:00')).toBe(26 * 3_600_000);
    expect(parseTimeSpan(250)).toBe(250);
    expect(parseTimeSpan('soon')).toBeUndefined();
    expect(formatTimeSpan(3_661_000)).toBe('01:01:01');
  });
});

describe('app settings', () => {
  const env = {
    QUEUE: 'orders',
    Storage2: 'UseDevelopmentStorage=true',
    AzureWebJobsStorage: 'conn-main',
    AzureWebJobsOther: 'conn-other',
  };

  it('resolves %SETTING% expressions and reports missing ones', () => {
    expect(resolveSettingExpressions('%QUEUE%-in', env)).toBe('orders-in');
    expect(resolveSettingExpressions('%queue%', env)).toBe('orders');
    expect(() => resolveSettingExpressions('%NOPE%', env)).toThrow("'%NOPE%' does not resolve to a value.");
  });

  it('resolves connections by name, AzureWebJobs<name>, default AzureWebJobsStorage, and dev storage', () => {
    expect(resolveStorageConnection(undefined, env)).toBe('conn-main');
    expect(resolveStorageConnection('Other', env)).toBe('conn-other');
    expect(resolveStorageConnection('Storage2', env)).toContain('QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1');
    expect(() => resolveStorageConnection('Missing', env)).toThrow(/Missing/);
  });

  it('derives a host id from settings or the folder name', () => {
    expect(resolveHostId('/apps/My_App', {})).toBe('my-app');
    expect(resolveHostId('/apps/x', { AzureFunctionsWebHost__hostid: 'Shared-ID' })).toBe('shared-id');
    expect(resolveHostId('/apps/x', { WEBSITE_SITE_NAME: 'a'.repeat(40) })).toHaveLength(32);
  });

  it('reads AzureWebJobs.<name>.Disabled', () => {
    expect(isFunctionDisabled('tick', { 'AzureWebJobs.tick.Disabled': 'true' })).toBe(true);
    expect(isFunctionDisabled('tick', { AzureWebJobs__tick__Disabled: '1' })).toBe(true);
    expect(isFunctionDisabled('tick', { 'AzureWebJobs.tick.Disabled': 'false' })).toBe(false);
  });
});
