/**
 * Power BI REST payloads, mirroring the definitions of `shared/powerbi/swagger-subset.json`
 * (PowerBI-CSharp swagger). The swagger spells a few properties in PascalCase
 * (`IsRefreshable`, `NotifyOption`, …) but the service and the swagger's own examples use
 * camelCase, so camelCase is what these types declare (see `normalize.ts` for the fallback).
 * Embedding and push-dataset payloads live in `types-embed.ts` and `types-push.ts`.
 */

/** Every list response: `{ "@odata.context", value: [...] }` (the swagger writes `odata.context`). */
export interface ODataList<T> {
  '@odata.context'?: string;
  value: T[];
}

/** `Group`: a workspace. */
export interface Group {
  id: string;
  name?: string;
  isReadOnly?: boolean;
  isOnDedicatedCapacity?: boolean;
  capacityId?: string;
  dataflowStorageId?: string;
  defaultDatasetStorageFormat?: 'Small' | 'Large';
  logAnalyticsWorkspace?: { id?: string; subscriptionId: string; resourceGroup: string; resourceName: string };
}

/** Query options of `GET /groups` (OData). */
export interface ListGroupsOptions {
  filter?: string;
  top?: number;
  skip?: number;
}

/** `Dataset` (semantic model). */
export interface Dataset {
  id: string;
  name?: string;
  configuredBy?: string;
  createdDate?: string;
  contentProviderType?: string;
  description?: string;
  upstreamDataflows?: { targetDataflowId?: string; groupId?: string }[];
  addRowsAPIEnabled?: boolean;
  isRefreshable?: boolean;
  isInPlaceSharingEnabled?: boolean;
  createReportEmbedURL?: string;
  qnaEmbedURL?: string;
  webUrl?: string;
  isEffectiveIdentityRequired?: boolean;
  isEffectiveIdentityRolesRequired?: boolean;
  isOnPremGatewayRequired?: boolean;
  encryption?: { encryptionStatus?: 'Unknown' | 'NotSupported' | 'InSyncWithWorkspace' | 'NotInSyncWithWorkspace' };
  targetStorageMode?: string;
  queryScaleOutSettings?: { autoSyncReadOnlyReplicas?: boolean; maxReadOnlyReplicas?: number };
  /** Push datasets only: the retention policy chosen at creation. */
  defaultRetentionPolicy?: string;
}

/** `Report`. */
export interface Report {
  id: string;
  name?: string;
  datasetId?: string;
  appId?: string;
  description?: string;
  reportType?: 'PaginatedReport' | 'PowerBIReport';
  originalReportId?: string;
  isOwnedByMe?: boolean;
  webUrl?: string;
  /** `https://app.powerbi.com/reportEmbed?reportId=…&groupId=…` (plus `&w=2&config=…` in real ones). */
  embedUrl?: string;
}

/** `Capacity`. */
export interface Capacity {
  id: string;
  displayName?: string;
  admins?: string[];
  sku?: string;
  state:
    | 'NotActivated'
    | 'Active'
    | 'Provisioning'
    | 'ProvisionFailed'
    | 'PreSuspended'
    | 'Suspended'
    | 'Deleting'
    | 'Deleted'
    | 'Invalid'
    | 'UpdatingSku';
  capacityUserAccessRight: 'None' | 'Assign' | 'Admin';
  region?: string;
  tenantKeyId?: string;
}

/** How a refresh was started (`Refresh.refreshType`). */
export type RefreshType = 'Scheduled' | 'OnDemand' | 'ViaApi' | 'ViaXmlaEndpoint' | 'ViaEnhancedApi' | 'OnDemandTraining';

/**
 * `Refresh.status`. `Unknown` means "in progress" (no `endTime` yet); `Cancelled` appears only in
 * the enhanced-refresh docs. A plain string in the swagger, so other values are tolerated.
 */
export type RefreshStatus = 'Unknown' | 'Completed' | 'Failed' | 'Disabled' | 'Cancelled' | (string & {});

/** `RefreshAttempt`: one try inside a refresh. */
export interface RefreshAttempt {
  attemptId?: number;
  startTime?: string;
  endTime?: string;
  /** A string holding JSON, e.g. `{"errorCode":"…","errorDescription":"…"}`. */
  serviceExceptionJson?: string;
  type?: 'Data' | 'Query';
}

/** `Refresh`: one entry of the refresh history. */
export interface Refresh {
  requestId?: string;
  refreshType?: RefreshType;
  startTime?: string;
  endTime?: string;
  status?: RefreshStatus;
  /** A string holding JSON (`{"errorCode":…}`); parse it with `parseServiceException`. */
  serviceExceptionJson?: string;
  refreshAttempts?: RefreshAttempt[];
  /** Enhanced refreshes only. */
  extendedStatus?: RefreshExtendedStatus;
}

/** `DatasetRefreshDetail.extendedStatus`. */
export type RefreshExtendedStatus =
  'Unknown' | 'NotStarted' | 'InProgress' | 'Completed' | 'TimedOut' | 'Failed' | 'Disabled' | 'Cancelled';

/** Enhanced refresh `type` (`DatasetRefreshDetailType`). */
export type EnhancedRefreshType = 'Full' | 'ClearValues' | 'Calculate' | 'DataOnly' | 'Automatic' | 'Defragment';

/** A table (and optionally one partition) to refresh. */
export interface RefreshObject {
  table: string;
  partition?: string;
}

/** Plain refresh: only `notifyOption` (service principals may only use `NoNotification`). */
export interface PlainRefreshRequest {
  notifyOption: 'NoNotification' | 'MailOnFailure' | 'MailOnCompletion';
}

/**
 * Enhanced (asynchronous) refresh: any field besides `notifyOption` makes a refresh enhanced, and
 * then `notifyOption` must be absent — hence `never` here, although the swagger marks it required.
 */
export interface EnhancedRefreshRequest {
  notifyOption?: never;
  type?: EnhancedRefreshType;
  commitMode?: 'Transactional' | 'PartialBatch';
  maxParallelism?: number;
  retryCount?: number;
  objects?: RefreshObject[];
  applyRefreshPolicy?: boolean;
  effectiveDate?: string;
  /** `"hh:mm:ss"`, default 5 h (documented, missing from the swagger). */
  timeout?: string;
}

/** The body of `POST …/refreshes`. */
export type DatasetRefreshRequest = PlainRefreshRequest | EnhancedRefreshRequest;

/** What `POST …/refreshes` (202) tells us. */
export interface RefreshTriggered {
  /** Enhanced refreshes only: the id for execution details and cancel (`x-ms-request-id`/`Location`). */
  refreshId?: string;
  /** Enhanced refreshes only: the execution-details URL. */
  location?: string;
  /** The request id for support (`RequestId` header). */
  requestId?: string;
}

/** `EngineMessage` of a refresh's execution details. */
export interface EngineMessage {
  code?: string;
  message?: string;
  type?: 'Error' | 'Warning';
}

/** `DatasetRefreshDetail`: execution details of an enhanced refresh. */
export interface DatasetRefreshDetail {
  startTime?: string;
  endTime?: string;
  type?: EnhancedRefreshType;
  commitMode?: 'Transactional' | 'PartialBatch';
  status?: 'Unknown' | 'Completed' | 'Failed' | 'Disabled' | (string & {});
  extendedStatus?: RefreshExtendedStatus;
  currentRefreshType?: EnhancedRefreshType;
  numberOfAttempts?: number;
  objects?: (RefreshObject & { status?: string })[];
  messages?: EngineMessage[];
  refreshAttempts?: RefreshAttempt[];
}

/** Execution details plus whether the service still runs it (202) or has finished (200). */
export interface RefreshExecution {
  inProgress: boolean;
  detail: DatasetRefreshDetail;
}

/** Days of a refresh schedule. */
export type Weekday = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

/** `RefreshSchedule`. Times are `"hh:mm"` with minutes 00 or 30; the zone is a .NET TimeZoneInfo id. */
export interface RefreshSchedule {
  days?: Weekday[];
  times?: string[];
  enabled?: boolean;
  localTimeZoneId?: string;
  notifyOption?: 'NoNotification' | 'MailOnFailure';
}
