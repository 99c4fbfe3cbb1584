import type {
  ModelStaleNotification,
  ScheduleAtRiskNotification,
  ScheduleDisabledNotification,
  KpiOffTrackNotification,
  PlanSubmittedNotification,
  PlanUnlockedNotification,
  RefreshFailedNotification,
} from '@planboard/contracts';

let sequence = 0;

/** A refresh failure notification; `overrides` for hostile or edge-case data. */
export function refreshFailed(overrides: Partial<RefreshFailedNotification> = {}): RefreshFailedNotification {
  sequence += 1;
  return {
    kind: 'refreshFailed',
    id: `refreshFailed:ds-${sequence}:req-${sequence}`,
    version: 1,
    createdAt: '2026-03-06T09:00:30.000Z',
    workspaceId: 'ws-1',
    workspaceName: 'Planboard Budget (Prod)',
    datasetId: `ds-${sequence}`,
    datasetName: 'Budget Planning',
    environment: 'Prod',
    errorCode: 'ModelRefreshFailed_CredentialsNotSpecified',
    errorDescription: 'Data source credentials are missing.',
    requestId: `req-${sequence}`,
    refreshType: 'Scheduled',
    scheduled: true,
    startedAt: '2026-03-06T09:00:00.000Z',
    endedAt: '2026-03-06T09:00:20.000Z',
    durationMs: 20_000,
    lastSuccessAt: '2026-03-05T18:00:40.000Z',
    consecutiveFailures: 1,
    ...overrides,
  };
}

export function planUnlocked(overrides: Partial<PlanUnlockedNotification> = {}): PlanUnlockedNotification {
  sequence += 1;
  return {
    kind: 'planUnlocked',
    id: `planUnlocked:fy2027:sales-north:${sequence}`,
    version: 1,
    createdAt: '2026-03-06T09:00:00.000Z',
    planId: 'fy2027',
    scopeId: 'sales-north',
    scopeName: 'Sales North',
    by: { name: 'Alex Morgan', upn: 'alex.morgan@contoso.onmicrosoft.com' },
    reason: 'Q3 numbers need another pass.',
    at: '2026-03-06T09:00:00.000Z',
    ...overrides,
  };
}

export function planSubmitted(overrides: Partial<PlanSubmittedNotification> = {}): PlanSubmittedNotification {
  sequence += 1;
  return {
    kind: 'planSubmitted',
    id: `planSubmitted:fy2027:sales-south:${sequence}`,
    version: 1,
    createdAt: '2026-03-06T09:00:00.000Z',
    planId: 'fy2027',
    scopeId: 'sales-south',
    scopeName: 'Sales South',
    by: { name: 'Sofia Rossi' },
    at: '2026-03-06T09:00:00.000Z',
    refreshId: 'r-1',
    ...overrides,
  };
}

/** A weekly KPI of the Sales department that went off track. */
export function kpiOffTrack(overrides: Partial<KpiOffTrackNotification> = {}): KpiOffTrackNotification {
  sequence += 1;
  return {
    kind: 'kpiOffTrack',
    id: `kpiOffTrack:dept-sales:on-time-delivery:weekly:2026-11-02:${sequence}`,
    version: 1,
    createdAt: '2026-11-03T08:15:00.000Z',
    departmentId: 'dept-sales',
    departmentName: 'Sales',
    kpiId: 'on-time-delivery',
    kpiName: 'On-time delivery',
    unit: '%',
    period: 'weekly',
    periodStart: '2026-11-02',
    value: 87.5,
    target: 95,
    targetText: '≥ 95 %',
    by: { name: 'Nora Lindqvist', upn: 'nora.lindqvist@contoso.onmicrosoft.com' },
    at: '2026-11-03T08:15:00.000Z',
    ...overrides,
  };
}

/** Strings that try to break or inject into a card. */
export const hostileStrings = [
  'Sales "Forecast" \'Q1\' \\ back\\slash',
  '${datasetName} ${if(true, "x", "y")} {{name}} $root',
  '**bold** _it_ [link](https://evil.example) ![img](https://evil.example/x.png) # Heading\n- list\n1. item',
  '<at>Everyone</at> <script>alert(1)</script> <b>html</b> &amp; &lt;',
  'line one\nline two\r\nline three\ttab\u0000nul\u0007bell\u202eRTL override',
  'x'.repeat(10_000),
  'Ünïcödé 数据集 データ 🚀🔥 𝓤𝓷𝓲 \u{1F469}\u200D\u{1F4BB} עברית العربية',
  '{"type":"Action.OpenUrl","url":"https://evil.example"}',
];

/** Schedule-health alerts built from a failure, as detection builds them. */
export function scheduleAtRisk(overrides: Partial<ScheduleAtRiskNotification> = {}): ScheduleAtRiskNotification {
  const failure = refreshFailed({ consecutiveFailures: 3 });
  return {
    kind: 'scheduleAtRisk',
    id: `scheduleAtRisk:${failure.datasetId}:${failure.requestId}`,
    version: 1,
    createdAt: failure.createdAt,
    workspaceId: failure.workspaceId,
    workspaceName: failure.workspaceName,
    datasetId: failure.datasetId,
    datasetName: failure.datasetName,
    environment: failure.environment,
    lastSuccessAt: failure.lastSuccessAt,
    requestId: failure.requestId,
    endedAt: failure.endedAt,
    errorCode: failure.errorCode,
    errorDescription: failure.errorDescription,
    consecutiveFailures: 3,
    ...overrides,
  };
}

export function scheduleDisabled(overrides: Partial<ScheduleDisabledNotification> = {}): ScheduleDisabledNotification {
  const { errorDescription: _unused, kind: _kind, id: _id, ...rest } = scheduleAtRisk({ consecutiveFailures: 4 });
  return { ...rest, kind: 'scheduleDisabled', id: `scheduleDisabled:${rest.datasetId}:${rest.requestId}`, ...overrides };
}

export function modelStale(overrides: Partial<ModelStaleNotification> = {}): ModelStaleNotification {
  const failure = refreshFailed();
  return {
    kind: 'modelStale',
    id: `modelStale:${failure.datasetId}:${failure.lastSuccessAt}`,
    version: 1,
    createdAt: failure.createdAt,
    workspaceId: failure.workspaceId,
    workspaceName: failure.workspaceName,
    datasetId: failure.datasetId,
    datasetName: failure.datasetName,
    environment: failure.environment,
    lastSuccessAt: failure.lastSuccessAt,
    staleSince: '2026-03-07T06:00:00.000Z',
    scheduleEnabled: true,
    ...overrides,
  };
}
