import { RestError, odata, type TableClient } from '@azure/data-tables';
import type { FetchJob, FetchJobFailure } from '@planboard/contracts';
import { ensureTable, keyPart, statusOf, tolerate } from '@planboard/server';
import { invertedTimeKey, operationsTable, operationsTableNames, textOf } from './tables';

/** A job that has not finished after this long is taken as abandoned: a new start replaces it. */
export const abandonedAfterMs = 60 * 60_000;

export interface JobRow {
  jobId: string;
  startedAt: string;
  startedBy: string;
  total: number;
}

/** A workspace's outcome in a job (written once per workspace; a redelivered message rewrites the same row). */
export interface WorkspaceOutcome {
  workspaceId: string;
  workspaceName: string;
  models: number;
  reason?: string;
  finishedAt: string;
}

const pointer = { partitionKey: 'current', rowKey: 'current' } as const;
const jobPartition = (jobId: string) => `job|${jobId}`;

/**
 * Bulk fetch jobs. Progress is not a counter that hosts fight over: each host records its
 * workspace's outcome as its own row, and progress is the count of rows in the job's partition
 * (one partition query). The current job's pointer changes only through its ETag, so two starts
 * at once end with one job.
 */
export class FetchJobStore {
  private readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = operationsTable(connectionString, operationsTableNames.fetchJobs);
  }

  static newJobId(nowMs: number): string {
    return `${invertedTimeKey(nowMs).replace(/^0+/, '')}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** The current job with its progress, and the pointer's ETag (for replacing it). */
  async current(): Promise<{ job?: FetchJob; etag?: string }> {
    await ensureTable(this.table);
    const row = await tolerate(() => this.table.getEntity(pointer.partitionKey, pointer.rowKey), 404);
    if (!row) return {};
    const jobId = textOf(row, 'jobId');
    return { job: jobId ? await this.get(jobId) : undefined, etag: String(row.etag ?? '') };
  }

  /** A job and its progress, from its partition. */
  async get(jobId: string): Promise<FetchJob | undefined> {
    await ensureTable(this.table);
    let job: JobRow | undefined;
    const outcomes: WorkspaceOutcome[] = [];
    const filter = odata`PartitionKey eq ${jobPartition(jobId)}`;
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
      if (row.rowKey === 'job')
        job = {
          jobId,
          startedAt: textOf(row, 'startedAt') ?? '',
          startedBy: textOf(row, 'startedBy') ?? '',
          total: Number(row.total ?? 0),
        };
      else
        outcomes.push({
          workspaceId: textOf(row, 'workspaceId') ?? '',
          workspaceName: textOf(row, 'workspaceName') ?? '',
          models: Number(row.models ?? 0),
          ...(textOf(row, 'reason') ? { reason: textOf(row, 'reason') } : {}),
          finishedAt: textOf(row, 'finishedAt') ?? '',
        });
    }
    return job ? jobView(job, outcomes) : undefined;
  }

  /**
   * Makes a new job current unless another start got there first: then that job is answered
   * (`won: false`) and ours is removed. `etag` is the pointer's as read (undefined: no pointer yet).
   */
  async start(job: JobRow, etag: string | undefined): Promise<{ won: boolean; job: FetchJob }> {
    await ensureTable(this.table);
    await this.table.createEntity({ partitionKey: jobPartition(job.jobId), rowKey: 'job', ...job });
    const entity = { ...pointer, jobId: job.jobId };
    try {
      if (etag === undefined) await this.table.createEntity(entity);
      else await this.table.updateEntity(entity, 'Replace', { etag });
      return { won: true, job: jobView(job, []) };
    } catch (error) {
      if (!(error instanceof RestError) || ![409, 412].includes(statusOf(error) ?? 0)) throw error;
      await tolerate(() => this.table.deleteEntity(jobPartition(job.jobId), 'job'), 404);
      const { job: other } = await this.current();
      if (!other) throw error;
      return { won: false, job: other };
    }
  }

  /** Records a workspace's outcome (idempotent per workspace). */
  async record(jobId: string, outcome: WorkspaceOutcome): Promise<void> {
    await ensureTable(this.table);
    await this.table.upsertEntity(
      {
        partitionKey: jobPartition(jobId),
        rowKey: `ws|${keyPart(outcome.workspaceId)}`,
        ...outcome,
        reason: outcome.reason ?? '',
      },
      'Replace',
    );
  }
}

export function isRunning(job: FetchJob | undefined, nowMs: number): job is FetchJob {
  return job !== undefined && job.state === 'running' && nowMs - Date.parse(job.startedAt) < abandonedAfterMs;
}

/** A job and the outcomes recorded so far, as the API answers it. */
export function jobView(job: JobRow, outcomes: readonly WorkspaceOutcome[]): FetchJob {
  const failures: FetchJobFailure[] = outcomes
    .filter((outcome) => outcome.reason)
    .map((outcome) => ({ workspaceId: outcome.workspaceId, workspaceName: outcome.workspaceName, reason: outcome.reason ?? '' }))
    .sort((a, b) => a.workspaceName.localeCompare(b.workspaceName));
  const done = Math.min(outcomes.length, job.total);
  const finished = done >= job.total;
  const last = outcomes
    .map((outcome) => outcome.finishedAt)
    .sort()
    .at(-1);
  return {
    jobId: job.jobId,
    startedAt: job.startedAt,
    startedBy: job.startedBy,
    total: job.total,
    done,
    models: outcomes.reduce((sum, outcome) => sum + outcome.models, 0),
    failures,
    state: !finished ? 'running' : failures.length > 0 ? 'completedWithFailures' : 'completed',
    finishedAt: finished ? (last ?? job.startedAt) : null,
  };
}
