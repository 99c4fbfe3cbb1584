import type { Dataset, Group, Refresh, RefreshSchedule } from '../../powerbi';
import type { CatalogPowerBi } from '../catalog-sync';

/** One dataset of the fake tenant. */
export interface FakeDataset {
  id: string;
  name: string;
  workspaceId: string;
  schedule?: RefreshSchedule;
  /** Newest first, as Power BI returns it. */
  history: Refresh[];
}

/**
 * An in-memory Power BI for detection tests: workspaces, datasets, schedules and histories that a
 * test edits directly, with a count of requests per operation (the poll-cost assertions).
 */
export class FakePowerBi {
  readonly workspaces: Group[] = [];
  readonly datasets = new Map<string, FakeDataset>();
  readonly calls: Record<'groups' | 'datasets' | 'schedule' | 'history', number> = { groups: 0, datasets: 0, schedule: 0, history: 0 };
  /** Fails the next history read of these datasets (a transient fault). */
  readonly failHistory = new Set<string>();

  addDataset(
    dataset: Omit<FakeDataset, 'history'> & { history?: Refresh[] },
    workspaceName = `Workspace ${dataset.workspaceId} (Prod)`,
  ): FakeDataset {
    if (!this.workspaces.some((workspace) => workspace.id === dataset.workspaceId))
      this.workspaces.push({ id: dataset.workspaceId, name: workspaceName });
    const stored = { history: [], ...dataset };
    this.datasets.set(dataset.id, stored);
    return stored;
  }

  totalCalls(): number {
    return Object.values(this.calls).reduce((sum, count) => sum + count, 0);
  }

  resetCalls(): void {
    for (const key of Object.keys(this.calls) as (keyof FakePowerBi['calls'])[]) this.calls[key] = 0;
  }

  /** The client surface detection uses. */
  client(): CatalogPowerBi {
    const groups = {
      list: async (): Promise<Group[]> => {
        this.calls.groups += 1;
        return [...this.workspaces];
      },
    };
    const datasets = {
      list: async (groupId: string): Promise<Dataset[]> => {
        this.calls.datasets += 1;
        return [...this.datasets.values()]
          .filter((d) => d.workspaceId === groupId)
          .map((d) => ({ id: d.id, name: d.name, isRefreshable: true }));
      },
    };
    const refreshes = {
      schedule: async (_groupId: string, datasetId: string): Promise<RefreshSchedule> => {
        this.calls.schedule += 1;
        return this.datasets.get(datasetId)?.schedule ?? { enabled: false, days: [], times: [] };
      },
      history: async (_groupId: string, datasetId: string, options: { top?: number } = {}): Promise<Refresh[]> => {
        this.calls.history += 1;
        if (this.failHistory.delete(datasetId)) throw Object.assign(new Error('Service unavailable'), { status: 503 });
        const dataset = this.datasets.get(datasetId);
        if (!dataset) throw Object.assign(new Error('Not found'), { status: 404 });
        return dataset.history.slice(0, options.top ?? 60);
      },
    };
    return { groups, datasets, refreshes } as unknown as CatalogPowerBi;
  }
}

/** A finished refresh for a fake history. */
export function refresh(
  requestId: string,
  status: 'Completed' | 'Failed' | 'Unknown',
  startMs: number,
  durationMs = 60_000,
  type = 'Scheduled',
): Refresh {
  return {
    requestId,
    refreshType: type as Refresh['refreshType'],
    startTime: new Date(startMs).toISOString(),
    status,
    ...(status === 'Unknown' ? {} : { endTime: new Date(startMs + durationMs).toISOString() }),
    ...(status === 'Failed'
      ? {
          serviceExceptionJson: JSON.stringify({
            errorCode: 'ModelRefreshFailed_CredentialsNotSpecified',
            errorDescription: 'Credentials are missing',
          }),
        }
      : {}),
  };
}
