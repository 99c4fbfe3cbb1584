import type { TableEntity } from '@azure/data-tables';
import {
  trainingAuditActions,
  videoPlatforms,
  type DayProgress,
  type Recording,
  type TrainingAuditAction,
  type TrainingAuditEntry,
  type VideoPlatform,
} from '@planboard/contracts';

/**
 * Table layout. `training`: one partition per tenant holding its days (`day|NN`), recordings
 * (`rec|NN|<id>`), admin audit (`audit|<newest-first time>|<id>`) and notification outbox
 * (`outbox|<notification id>`): a change, its audit entry and its outbox row are then one
 * entity-group transaction. `trainingprogress`: one partition per learner, a `day|NN` row per day.
 */
export const dayRowKey = (day: number): string => `day|${String(day).padStart(2, '0')}`;
export const recordingRowKey = (day: number, recordingId: string): string => `rec|${String(day).padStart(2, '0')}|${recordingId}`;
export const learnerPartition = (tid: string, oid: string): string => `${tid}|${oid}`;
/** Newest first in key order: milliseconds counted down from the year 2286. */
export const auditRowKey = (at: string, id: string): string =>
  `audit|${String(9_999_999_999_999 - Date.parse(at)).padStart(13, '0')}|${id}`;
export const outboxRowKey = (notificationId: string): string => `outbox|${notificationId.replace(/[/\\#?]/g, '_')}`;

export interface Actor {
  name: string;
  upn: string;
}

/** A day as stored (learner views hide parts of it). */
export interface StoredDay {
  dayNumber: number;
  title: string;
  description: string;
  presentationUrl: string;
  resourcesUrl: string;
  unlocked: boolean;
  unlock?: { at: string; by: Actor };
  updatedAt: string;
  updatedBy: Actor;
  etag: string;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export function dayEntity(tid: string, day: Omit<StoredDay, 'etag'>): TableEntity {
  return {
    partitionKey: tid,
    rowKey: dayRowKey(day.dayNumber),
    dayNumber: day.dayNumber,
    title: day.title,
    description: day.description,
    presentationUrl: day.presentationUrl,
    resourcesUrl: day.resourcesUrl,
    unlocked: day.unlocked,
    unlockedAt: day.unlock?.at ?? '',
    unlockedByName: day.unlock?.by.name ?? '',
    unlockedByUpn: day.unlock?.by.upn ?? '',
    updatedAt: day.updatedAt,
    updatedByName: day.updatedBy.name,
    updatedByUpn: day.updatedBy.upn,
  };
}

export function toDay(entity: Record<string, unknown>): StoredDay | undefined {
  const dayNumber = numberOf(entity.dayNumber);
  if (dayNumber === undefined) return undefined;
  const unlocked = entity.unlocked === true;
  return {
    dayNumber,
    title: textOf(entity.title),
    description: textOf(entity.description),
    presentationUrl: textOf(entity.presentationUrl),
    resourcesUrl: textOf(entity.resourcesUrl),
    unlocked,
    ...(unlocked
      ? { unlock: { at: textOf(entity.unlockedAt), by: { name: textOf(entity.unlockedByName), upn: textOf(entity.unlockedByUpn) } } }
      : {}),
    updatedAt: textOf(entity.updatedAt),
    updatedBy: { name: textOf(entity.updatedByName), upn: textOf(entity.updatedByUpn) },
    etag: String(entity.etag ?? ''),
  };
}

export function recordingEntity(tid: string, recording: Recording): TableEntity {
  return {
    partitionKey: tid,
    rowKey: recordingRowKey(recording.dayNumber, recording.recordingId),
    recordingId: recording.recordingId,
    dayNumber: recording.dayNumber,
    title: recording.title,
    url: recording.url,
    platform: recording.platform,
    embedUrl: recording.embedUrl ?? '',
    ...(recording.durationSeconds === undefined ? {} : { durationSeconds: recording.durationSeconds }),
    active: recording.active,
    addedAt: recording.addedAt,
    addedByName: recording.addedBy.name,
    addedByUpn: recording.addedBy.upn,
  };
}

export function toRecording(entity: Record<string, unknown>): Recording | undefined {
  const dayNumber = numberOf(entity.dayNumber);
  const platform = entity.platform as VideoPlatform;
  if (dayNumber === undefined || !videoPlatforms.includes(platform)) return undefined;
  const durationSeconds = numberOf(entity.durationSeconds);
  const embedUrl = textOf(entity.embedUrl);
  return {
    recordingId: textOf(entity.recordingId),
    dayNumber,
    title: textOf(entity.title),
    url: textOf(entity.url),
    platform,
    ...(embedUrl ? { embedUrl } : {}),
    ...(durationSeconds === undefined ? {} : { durationSeconds }),
    active: entity.active !== false,
    addedAt: textOf(entity.addedAt),
    addedBy: { name: textOf(entity.addedByName), upn: textOf(entity.addedByUpn) },
  };
}

export function auditEntity(tid: string, entry: TrainingAuditEntry): TableEntity {
  return {
    partitionKey: tid,
    rowKey: auditRowKey(entry.at, entry.id),
    auditId: entry.id,
    at: entry.at,
    byName: entry.by.name,
    byUpn: entry.by.upn,
    action: entry.action,
    dayNumber: entry.dayNumber,
    summary: entry.summary,
    changes: JSON.stringify(entry.changes),
  };
}

export function toAudit(entity: Record<string, unknown>): TrainingAuditEntry | undefined {
  const action = entity.action as TrainingAuditAction;
  const dayNumber = numberOf(entity.dayNumber);
  if (!trainingAuditActions.includes(action) || dayNumber === undefined) return undefined;
  let changes: TrainingAuditEntry['changes'] = [];
  try {
    changes = JSON.parse(textOf(entity.changes) || '[]') as TrainingAuditEntry['changes'];
  } catch {
    changes = [];
  }
  return {
    id: textOf(entity.auditId),
    at: textOf(entity.at),
    by: { name: textOf(entity.byName), upn: textOf(entity.byUpn) },
    action,
    dayNumber,
    summary: textOf(entity.summary),
    changes,
  };
}

/** A learner's progress row; the name is kept with it so the admin matrix reads one table. */
export function progressEntity(tid: string, oid: string, learner: Actor, progress: DayProgress): TableEntity {
  return {
    partitionKey: learnerPartition(tid, oid),
    rowKey: dayRowKey(progress.dayNumber),
    learnerName: learner.name,
    learnerUpn: learner.upn,
    ...progress,
  };
}

export function toProgress(entity: Record<string, unknown>): (DayProgress & { learner: Actor }) | undefined {
  const dayNumber = numberOf(entity.dayNumber);
  if (dayNumber === undefined) return undefined;
  return {
    dayNumber,
    presentationOpened: entity.presentationOpened === true,
    recordingWatched: entity.recordingWatched === true,
    watchedSeconds: numberOf(entity.watchedSeconds) ?? 0,
    completionPct: numberOf(entity.completionPct) ?? 0,
    updatedAt: textOf(entity.updatedAt),
    learner: { name: textOf(entity.learnerName), upn: textOf(entity.learnerUpn) },
  };
}
