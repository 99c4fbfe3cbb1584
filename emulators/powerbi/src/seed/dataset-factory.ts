import { defaultSchedule } from '../model/state';
import type { DatasetState, ModelTable, ScheduleState, SemanticModel } from '../model/types';

/** What a new seeded dataset needs; everything else gets the service's defaults. */
export interface DatasetSpec {
  id: string;
  name: string;
  workspaceId: string;
  configuredBy: string;
  createdAt: number;
  model: SemanticModel;
  refreshDurationMs?: number;
  schedule?: Partial<ScheduleState>;
  push?: { tables: ModelTable[]; retention: 'None' | 'basicFIFO' };
  users?: DatasetState['users'];
  credentialsLostOnTakeOver?: boolean;
}

/** A dataset in its initial state (no refresh running, empty history unless the seed adds one). */
export function newDataset(spec: DatasetSpec): DatasetState {
  const push = spec.push;
  return {
    id: spec.id.toLowerCase(),
    name: spec.name,
    workspaceId: spec.workspaceId.toLowerCase(),
    configuredBy: spec.configuredBy.toLowerCase(),
    createdDate: new Date(spec.createdAt).toISOString(),
    kind: push ? 'push' : 'import',
    model: push ? { tables: push.tables, relationships: [], roles: [] } : spec.model,
    isEffectiveIdentityRolesRequired: spec.model.roles.length > 0,
    refreshDurationMs: spec.refreshDurationMs ?? 60_000,
    schedule: { ...defaultSchedule(), ...spec.schedule },
    history: [],
    next: { failures: [] },
    credentialsLostOnTakeOver: spec.credentialsLostOnTakeOver ?? false,
    credentialsMissing: false,
    users: spec.users ?? [],
    ...(push ? { push: { defaultMode: 'Push' as const, retention: push.retention, posts: [], pending: 0 } } : {}),
  };
}
