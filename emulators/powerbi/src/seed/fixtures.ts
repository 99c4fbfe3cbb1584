import { invalidRequest } from '../http/errors';
import type { EmulatorState } from '../model/state';
import type { CapacityKind, DatasetUserEntry, Member, ModelTable, ScheduleState } from '../model/types';
import { newId } from '../util/ids';
import { newDataset } from './dataset-factory';
import { seededHistory } from './history';
import { budgetModel, simpleModel } from './models';
import { defaultMembers } from './sample-tenant';

/** A dataset to add through `POST /_emulator/seed`. */
export interface DatasetFixture {
  id?: string;
  name: string;
  configuredBy?: string;
  refreshDurationMs?: number;
  schedule?: Partial<ScheduleState>;
  /** `budget`: a copy of the budget model (RLS); `push`: an empty push dataset; default: one small table. */
  model?: 'simple' | 'budget' | 'push';
  tables?: ModelTable[];
  /** Generate this many days of history from the schedule (default none). */
  historyDays?: number;
  credentialsLostOnTakeOver?: boolean;
  users?: DatasetUserEntry[];
}

/** A workspace with its datasets (each gets a report). */
export interface WorkspaceFixture {
  id?: string;
  name: string;
  /** Put the datasets in this principal's (UPN or app id) "My workspace" instead of a new workspace. */
  myWorkspaceOf?: string;
  capacity?: 'shared' | CapacityKind;
  members?: Member[];
  datasets?: DatasetFixture[];
}

/** The body of `POST /_emulator/seed`. */
export interface Fixture {
  workspaces?: WorkspaceFixture[];
  /** Many workspaces at once (benchmarks): `workspaces` × `datasetsPerWorkspace`, each with `historyDays` of hourly history. */
  generate?: { workspaces: number; datasetsPerWorkspace: number; historyDays?: number; capacity?: 'shared' | CapacityKind };
}

/** What a seed created. */
export interface SeedResult {
  workspaces: { id: string; name: string; datasets: { id: string; name: string; reportId: string }[] }[];
}

function capacityFor(state: EmulatorState, kind: WorkspaceFixture['capacity']): string | undefined {
  if (!kind || kind === 'shared') return undefined;
  const capacity = [...state.capacities.values()].find((item) => item.kind === kind);
  if (capacity) return capacity.id;
  const id = newId();
  state.addCapacity({
    id,
    displayName: `Emulator ${kind} capacity`,
    sku: kind === 'premium' ? 'P1' : 'A1',
    region: 'West Europe',
    admins: [],
    kind,
  });
  return id;
}

function addWorkspace(state: EmulatorState, fixture: WorkspaceFixture, servicePrincipals: string[]): SeedResult['workspaces'][number] {
  const now = state.clock.now();
  const capacityId = capacityFor(state, fixture.capacity);
  const personal = fixture.myWorkspaceOf ? state.myWorkspace(fixture.myWorkspaceOf.toLowerCase()) : undefined;
  const id = personal?.id ?? (fixture.id ?? newId()).toLowerCase();
  if (personal) personal.capacityId = capacityId;
  else
    state.addWorkspace({
      id,
      name: fixture.name,
      ...(capacityId ? { capacityId } : {}),
      members: fixture.members ?? defaultMembers(servicePrincipals),
    });
  const datasets = (fixture.datasets ?? []).map((spec) => {
    const kind = spec.model ?? 'simple';
    const model =
      kind === 'budget'
        ? budgetModel()
        : {
            ...simpleModel(
              'Data',
              [
                { name: 'Name', dataType: 'String' },
                { name: 'Value', dataType: 'Double' },
              ],
              10,
              spec.name,
            ),
            ...(spec.tables ? { tables: spec.tables } : {}),
          };
    const dataset = newDataset({
      id: spec.id ?? newId(),
      name: spec.name,
      workspaceId: id,
      configuredBy: spec.configuredBy ?? servicePrincipals[0] ?? 'unknown',
      createdAt: now,
      model,
      ...(kind === 'push' ? { push: { tables: spec.tables ?? [], retention: 'None' as const } } : {}),
      ...(spec.refreshDurationMs !== undefined ? { refreshDurationMs: spec.refreshDurationMs } : {}),
      ...(spec.schedule ? { schedule: spec.schedule } : {}),
      ...(spec.users ? { users: spec.users } : {}),
      ...(spec.credentialsLostOnTakeOver ? { credentialsLostOnTakeOver: true } : {}),
    });
    if (spec.historyDays) {
      const { history } = seededHistory(
        {
          ...dataset.schedule,
          days: dataset.schedule.days.length
            ? dataset.schedule.days
            : ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
          times: dataset.schedule.times.length ? dataset.schedule.times : ['00:00'],
        },
        { key: dataset.id, baseDurationMs: dataset.refreshDurationMs },
        now,
      );
      dataset.history = history.filter((record) => record.startTime > now - spec.historyDays! * 24 * 60 * 60_000);
    }
    state.addDataset(dataset);
    const reportId = newId();
    state.addReport({
      id: reportId,
      name: dataset.name,
      workspaceId: id,
      datasetId: dataset.id,
      pages: [{ name: 'ReportSection', displayName: 'Overview' }],
    });
    return { id: dataset.id, name: dataset.name, reportId };
  });
  return { id, name: fixture.name, datasets };
}

/** Adds a fixture to the state (the sample tenant stays unless the state was reset empty). */
export function applyFixture(state: EmulatorState, fixture: Fixture, servicePrincipals: string[]): SeedResult {
  const workspaces = (fixture.workspaces ?? []).map((workspace) => addWorkspace(state, workspace, servicePrincipals));
  const generate = fixture.generate;
  if (generate) {
    if (generate.workspaces * generate.datasetsPerWorkspace > 20_000) throw invalidRequest('At most 20,000 generated datasets');
    const hourly = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}:00`);
    for (let w = 0; w < generate.workspaces; w += 1) {
      const datasets = Array.from({ length: generate.datasetsPerWorkspace }, (_, d): DatasetFixture => ({
        name: `Generated dataset ${w + 1}.${d + 1}`,
        refreshDurationMs: 60_000,
        schedule: { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], times: hourly, enabled: false },
        ...(generate.historyDays ? { historyDays: generate.historyDays } : {}),
      }));
      workspaces.push(
        addWorkspace(
          state,
          { name: `Generated workspace ${w + 1}`, capacity: generate.capacity ?? 'premium', datasets },
          servicePrincipals,
        ),
      );
    }
  }
  return { workspaces };
}
