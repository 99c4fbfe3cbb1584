import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import type { DayProgress, Notification, Recording, TrainingAuditEntry } from '@planboard/contracts';
import { ensureTable, statusOf, tableClient, tableNames } from '../storage/tables';
import {
  auditEntity,
  dayEntity,
  learnerPartition,
  outboxRowKey,
  progressEntity,
  recordingEntity,
  recordingRowKey,
  toAudit,
  toDay,
  toProgress,
  toRecording,
  type Actor,
  type StoredDay,
} from './entities';

/** A tenant's programme as one partition read. */
export interface Programme {
  days: StoredDay[];
  recordings: Recording[];
}

/** One change of the programme: the day (written only if it still has `etag`), recordings, its audit entry, an outbox message. */
export interface ProgrammeChange {
  day?: { next: Omit<StoredDay, 'etag'>; etag?: string };
  addRecording?: Recording;
  removeRecording?: { dayNumber: number; recordingId: string };
  audit: TrainingAuditEntry;
  outbox?: Notification;
}

/** `changed`: the day moved since it was read (or appeared/vanished); nothing was written. */
export type CommitOutcome = 'ok' | 'changed';

const upperBound = (prefix: string): string => `${prefix.slice(0, -1)}}`; // '|' + 1 = '}'

/**
 * Training days, recordings, audit and progress in Table Storage. Stateless (clients and the
 * per-process "table exists" cache), so any number of API instances share it safely.
 */
export class TrainingStore {
  readonly programme: TableClient;
  readonly progress: TableClient;

  constructor(connectionString: string) {
    this.programme = tableClient(connectionString, tableNames.training);
    this.progress = tableClient(connectionString, tableNames.trainingProgress);
  }

  private async ready(): Promise<void> {
    await Promise.all([ensureTable(this.programme), ensureTable(this.progress)]);
  }

  private async rows(prefix: string, tid: string): Promise<Record<string, unknown>[]> {
    const filter = odata`PartitionKey eq ${tid} and RowKey ge ${prefix} and RowKey lt ${upperBound(prefix)}`;
    const rows: Record<string, unknown>[] = [];
    for await (const entity of this.programme.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) rows.push(entity);
    return rows;
  }

  /** Every day and recording of a tenant, in day order. */
  async readProgramme(tid: string): Promise<Programme> {
    await this.ready();
    const [dayRows, recordingRows] = await Promise.all([this.rows('day|', tid), this.rows('rec|', tid)]);
    return {
      days: dayRows.flatMap((row) => toDay(row) ?? []).sort((a, b) => a.dayNumber - b.dayNumber),
      recordings: recordingRows.flatMap((row) => toRecording(row) ?? []).sort((a, b) => a.addedAt.localeCompare(b.addedAt)),
    };
  }

  /**
   * Commits a change and its audit entry (and outbox message) as one entity-group transaction:
   * either all of it is stored or none. The day is created when `etag` is absent (409 if it exists),
   * replaced otherwise (412 if it moved): both come back as `changed`.
   */
  async commit(tid: string, change: ProgrammeChange): Promise<CommitOutcome> {
    await this.ready();
    const actions: TransactionAction[] = [];
    if (change.day) {
      const entity = dayEntity(tid, change.day.next);
      actions.push(change.day.etag ? ['update', entity, 'Replace', { etag: change.day.etag }] : ['create', entity]);
    }
    if (change.addRecording) actions.push(['create', recordingEntity(tid, change.addRecording)]);
    if (change.removeRecording) {
      const { dayNumber, recordingId } = change.removeRecording;
      actions.push(['delete', { partitionKey: tid, rowKey: recordingRowKey(dayNumber, recordingId) }]);
    }
    actions.push(['create', auditEntity(tid, change.audit)]);
    if (change.outbox) actions.push(['upsert', outboxEntity(tid, change.outbox), 'Replace']);
    try {
      await this.programme.submitTransaction(actions);
      return 'ok';
    } catch (error) {
      if ([404, 409, 412].includes(statusOf(error) ?? 0)) return 'changed';
      throw error;
    }
  }

  /** Notifications committed with a change but not yet confirmed on the queue (a crash in between), with their claim. */
  async pendingOutbox(tid: string): Promise<{ notification: Notification; rowKey: string; etag: string; claimedUntil: string }[]> {
    await this.ready();
    return (await this.rows('outbox|', tid)).map((row) => ({
      notification: JSON.parse(String(row.payload)) as Notification,
      rowKey: String(row.rowKey),
      etag: String(row.etag),
      claimedUntil: typeof row.claimedUntil === 'string' ? row.claimedUntil : '',
    }));
  }

  /**
   * Claims an outbox row for one sender until `until` (a conditional write on its ETag): of
   * concurrent flushes one wins, so the message is queued once. A sender that dies leaves the
   * claim to expire and the next flush sends it.
   */
  async claimOutbox(tid: string, rowKey: string, etag: string, until: string): Promise<boolean> {
    try {
      await this.programme.updateEntity({ partitionKey: tid, rowKey, claimedUntil: until }, 'Merge', { etag });
      return true;
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 412) return false;
      throw error;
    }
  }

  async clearOutbox(tid: string, rowKey: string): Promise<void> {
    await this.programme.deleteEntity(tid, rowKey).catch((error: unknown) => {
      if (statusOf(error) !== 404) throw error;
    });
  }

  /** The newest audit entries first (`day` narrows them to one day). */
  async audit(tid: string, limit: number, day?: number): Promise<TrainingAuditEntry[]> {
    await this.ready();
    const filter = odata`PartitionKey eq ${tid} and RowKey ge ${'audit|'} and RowKey lt ${upperBound('audit|')}`;
    const entries: TrainingAuditEntry[] = [];
    for await (const row of this.programme.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const entry = toAudit(row);
      if (entry && (day === undefined || entry.dayNumber === day)) entries.push(entry);
      if (entries.length >= limit) break;
    }
    return entries;
  }

  /** One learner's progress on every day (one partition query). */
  async progressOf(tid: string, oid: string): Promise<Map<number, DayProgress & { etag: string }>> {
    await this.ready();
    const filter = odata`PartitionKey eq ${learnerPartition(tid, oid)}`;
    const result = new Map<number, DayProgress & { etag: string }>();
    for await (const row of this.progress.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const parsed = toProgress(row);
      if (parsed) {
        const { learner: _learner, ...progress } = parsed;
        result.set(parsed.dayNumber, { ...progress, etag: String(row.etag) });
      }
    }
    return result;
  }

  /** Writes a learner's progress on a day if it still has `etag` (or creates it); `false` when it moved. */
  async writeProgress(tid: string, oid: string, learner: Actor, progress: DayProgress, etag?: string): Promise<boolean> {
    await this.ready();
    const entity = progressEntity(tid, oid, learner, progress);
    try {
      if (etag) await this.progress.updateEntity(entity, 'Replace', { etag });
      else await this.progress.createEntity(entity);
      return true;
    } catch (error) {
      if (statusOf(error) === 409 || statusOf(error) === 412) return false;
      throw error;
    }
  }

  /** Everyone's progress in a tenant, by learner partition (the admin matrix). */
  async allProgress(tid: string): Promise<Map<string, { learner: Actor; days: Map<number, DayProgress> }>> {
    await this.ready();
    const prefix = `${tid}|`;
    const filter = odata`PartitionKey ge ${prefix} and PartitionKey lt ${upperBound(prefix)}`;
    const byLearner = new Map<string, { learner: Actor; days: Map<number, DayProgress> }>();
    for await (const row of this.progress.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const parsed = toProgress(row);
      if (!parsed) continue;
      const oid = String(row.partitionKey).slice(prefix.length);
      const { learner, ...progress } = parsed;
      const entry = byLearner.get(oid) ?? { learner, days: new Map<number, DayProgress>() };
      entry.days.set(progress.dayNumber, progress);
      byLearner.set(oid, entry);
    }
    return byLearner;
  }
}

function outboxEntity(tid: string, notification: Notification): TableEntity {
  return { partitionKey: tid, rowKey: outboxRowKey(notification.id), payload: JSON.stringify(notification) };
}
