import type { Clock } from '../clock/clock';
import { sampleGuid } from '../util/ids';
import type { CapacityState, DatasetState, ReportState, ScheduleState, WorkspaceState } from './types';

/** The default schedule of a refreshable dataset that never had one (GET returns it, disabled). */
export function defaultSchedule(): ScheduleState {
  return { days: [], times: [], enabled: false, localTimeZoneId: 'UTC', notifyOption: 'MailOnFailure', consecutiveFailures: 0 };
}

/**
 * Everything the emulated tenant holds, in memory (the emulator stands in for an external
 * service, so there is nothing to persist). Lookups are by id; ids are GUIDs compared lower-case.
 */
export class EmulatorState {
  readonly capacities = new Map<string, CapacityState>();
  readonly workspaces = new Map<string, WorkspaceState>();
  readonly datasets = new Map<string, DatasetState>();
  readonly reports = new Map<string, ReportState>();

  constructor(readonly clock: Clock) {}

  /** Forgets every entity (the control API's reset). */
  clear(): void {
    this.capacities.clear();
    this.workspaces.clear();
    this.datasets.clear();
    this.reports.clear();
  }

  /** A workspace by id (case-insensitive, like every lookup here). */
  workspace(id: string): WorkspaceState | undefined {
    return this.workspaces.get(id.toLowerCase());
  }

  /** A dataset by id. */
  dataset(id: string): DatasetState | undefined {
    return this.datasets.get(id.toLowerCase());
  }

  /** A report by id. */
  report(id: string): ReportState | undefined {
    return this.reports.get(id.toLowerCase());
  }

  /** Adds (or replaces) entities by id. */
  addCapacity(capacity: CapacityState): void {
    this.capacities.set(capacity.id.toLowerCase(), capacity);
  }

  addWorkspace(workspace: WorkspaceState): void {
    this.workspaces.set(workspace.id.toLowerCase(), workspace);
  }

  addDataset(dataset: DatasetState): void {
    this.datasets.set(dataset.id.toLowerCase(), dataset);
  }

  addReport(report: ReportState): void {
    this.reports.set(report.id.toLowerCase(), report);
  }

  /** A principal's "My workspace", created on first use (the non-group routes act on it). */
  myWorkspace(principalId: string): WorkspaceState {
    const id = sampleGuid(`my-workspace:${principalId}`);
    const existing = this.workspace(id);
    if (existing) return existing;
    const created: WorkspaceState = { id, name: 'My workspace', members: [], personalOf: principalId };
    this.addWorkspace(created);
    return created;
  }

  /** Datasets of one workspace, in insertion order. */
  datasetsIn(workspaceId: string): DatasetState[] {
    return [...this.datasets.values()].filter((dataset) => dataset.workspaceId === workspaceId);
  }

  /** Reports of one workspace, in insertion order. */
  reportsIn(workspaceId: string): ReportState[] {
    return [...this.reports.values()].filter((report) => report.workspaceId === workspaceId);
  }

  /** The capacity a workspace runs on; undefined means shared capacity. */
  capacityOf(workspaceId: string): CapacityState | undefined {
    const capacityId = this.workspace(workspaceId)?.capacityId;
    return capacityId ? this.capacities.get(capacityId.toLowerCase()) : undefined;
  }

  /** Whether a dataset lives on shared capacity (8 refreshes a day, no enhanced refresh, 8 schedule slots). */
  isShared(dataset: DatasetState): boolean {
    return this.capacityOf(dataset.workspaceId) === undefined;
  }
}
