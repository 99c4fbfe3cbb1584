/** A cell value of the emulated model (dates are ISO strings; BLANK is null). */
export type Scalar = string | number | boolean | null;

/** One row of a model table, by column name. */
export type DataRow = Record<string, Scalar>;

/** Dedicated capacity kinds; "shared" capacity is the absence of one (workspace without capacityId). */
export type CapacityKind = 'premium' | 'embedded';

/** A capacity as `GET /capacities` lists it. */
export interface CapacityState {
  id: string;
  displayName: string;
  sku: string;
  region: string;
  admins: string[];
  kind: CapacityKind;
}

/** Workspace roles: Admin/Member/Contributor can change content and are not subject to RLS. */
export type WorkspaceRole = 'Admin' | 'Member' | 'Contributor' | 'Viewer';

/** A principal as Power BI names it. `Group` whose identifier is the tenant id stands for "everyone in the tenant". */
export interface Principal {
  identifier: string;
  principalType: 'User' | 'App' | 'Group';
}

/** A workspace member. */
export interface Member extends Principal {
  role: WorkspaceRole;
}

/** A workspace (group). `personalOf` marks a caller's "My workspace". */
export interface WorkspaceState {
  id: string;
  name: string;
  capacityId?: string;
  members: Member[];
  personalOf?: string;
  /** Test control: listed by GET /groups, but every call into it answers 401 (as when a member's access broke). */
  unreadable?: boolean;
}

/** A column of a model table (the swagger `Column`). */
export interface ColumnDef {
  name: string;
  dataType: string;
  formatString?: string;
  isHidden?: boolean;
}

/** Where a table's rows come from on refresh: one of our Table Storage tables (see refresh/import.ts). */
export type TableBinding = 'budgetLines' | 'securityGrants' | 'businessUnits' | 'stores' | 'departments' | 'kpiPoints' | 'storeSales';

/** A table of the semantic model with its imported (or pushed) rows. */
export interface ModelTable {
  name: string;
  columns: ColumnDef[];
  rows: DataRow[];
  measures?: { name: string; expression: string }[];
  isHidden?: boolean;
  binding?: TableBinding;
}

/** A relationship: filters flow from `toTable` (one side) to `fromTable` (many side), and back when BothDirections. */
export interface ModelRelationship {
  name: string;
  fromTable: string;
  fromColumn: string;
  toTable: string;
  toColumn: string;
  crossFilteringBehavior: 'OneDirection' | 'BothDirections' | 'Automatic';
}

/** An RLS role: a DAX filter per table, and who belongs to it. */
export interface ModelRole {
  name: string;
  tablePermissions: { table: string; filterExpression: string }[];
  members: Principal[];
}

/** The semantic model behind a dataset. */
export interface SemanticModel {
  tables: ModelTable[];
  relationships: ModelRelationship[];
  roles: ModelRole[];
}

/** Refresh types of the history (swagger `Refresh.refreshType`). */
export type RefreshType = 'Scheduled' | 'OnDemand' | 'ViaApi' | 'ViaXmlaEndpoint' | 'ViaEnhancedApi' | 'OnDemandTraining';

/** Refresh states: `Unknown` while running (NOTES §1). */
export type RefreshStatus = 'Unknown' | 'Completed' | 'Failed' | 'Cancelled' | 'Disabled';

/** What `serviceExceptionJson` holds for a failed refresh. */
export interface RefreshFailure {
  errorCode: string;
  errorDescription?: string;
}

/** The options of an enhanced refresh (any body field besides notifyOption). */
export interface EnhancedOptions {
  type: 'Full' | 'ClearValues' | 'Calculate' | 'DataOnly' | 'Automatic' | 'Defragment';
  commitMode: 'Transactional' | 'PartialBatch';
  maxParallelism: number;
  retryCount: number;
  objects: { table: string; partition?: string }[];
  applyRefreshPolicy: boolean;
  effectiveDate?: string;
  timeout?: string;
}

/** One attempt of a refresh (swagger `RefreshAttempt`). */
export interface AttemptRecord {
  attemptId: number;
  startTime: number;
  endTime?: number;
  type: 'Data' | 'Query';
  failure?: RefreshFailure;
}

/** A refresh, running or finished. Times are emulator-clock epoch ms. */
export interface RefreshRecord {
  requestId: string;
  refreshType: RefreshType;
  startTime: number;
  /** When the running refresh will finish (start + the dataset's duration). */
  plannedEnd: number;
  endTime?: number;
  status: RefreshStatus;
  /** Decided at start (injected failure) or at the end (import failure). */
  failure?: RefreshFailure;
  enhanced?: EnhancedOptions;
  attempts: AttemptRecord[];
}

/** Day names of a refresh schedule. */
export const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
/** A weekday name as schedules spell it. */
export type DayName = (typeof dayNames)[number];

/** A dataset's refresh schedule plus the failure streak that disables it. */
export interface ScheduleState {
  days: DayName[];
  times: string[];
  enabled: boolean;
  localTimeZoneId: string;
  notifyOption: 'NoNotification' | 'MailOnFailure';
  consecutiveFailures: number;
}

/** Push dataset settings and the counters behind its documented limits. */
export interface PushState {
  defaultMode: 'Push' | 'Streaming' | 'PushStreaming';
  retention: 'None' | 'basicFIFO';
  /** Real-time epoch ms of POST rows calls and their row counts (limits are per minute / per hour). */
  posts: { at: number; rows: number }[];
  pending: number;
}

/** A dataset permission (swagger `DatasetUserAccess`). */
export interface DatasetUserEntry extends Principal {
  datasetUserAccessRight: string;
}

/** A dataset (semantic model) with its refresh state. */
export interface DatasetState {
  id: string;
  name: string;
  workspaceId: string;
  configuredBy: string;
  createdDate: string;
  kind: 'import' | 'push';
  model: SemanticModel;
  isEffectiveIdentityRolesRequired: boolean;
  /** How long a refresh runs on the emulator clock. */
  refreshDurationMs: number;
  schedule: ScheduleState;
  /** Newest first, at most 60 (NOTES §1). */
  history: RefreshRecord[];
  /** Test control: failures and duration for the next refreshes. */
  next: { failures: RefreshFailure[]; durationMs?: number };
  credentialsLostOnTakeOver: boolean;
  credentialsMissing: boolean;
  users: DatasetUserEntry[];
  push?: PushState;
}

/** A report bound to a dataset. */
export interface ReportState {
  id: string;
  name: string;
  workspaceId: string;
  datasetId: string;
  /** Pages, for the embed page (a later task). */
  pages: { name: string; displayName: string }[];
}
