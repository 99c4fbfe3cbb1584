import { randomUUID } from 'node:crypto';
import type {
  Recording,
  RecordingInput,
  TrainingAuditEntry,
  TrainingDayInput,
  TrainingDayUnlockedNotification,
} from '@planboard/contracts';
import { parseVideoUrl } from '@planboard/contracts';
import type { Actor, StoredDay, ProgrammeChange } from '@planboard/server';

/**
 * The admin actions on the programme as pure functions: each turns the state read and the
 * request into one {@link ProgrammeChange} (the new rows plus the audit entry that explains them),
 * or `undefined` when there is nothing to change.
 */

const newId = (): string => randomUUID().replace(/-/g, '').slice(0, 20);
const withoutEtag = ({ etag: _etag, ...day }: StoredDay): Omit<StoredDay, 'etag'> => day;
/** Values in the audit are for reading: long text is shortened there (the row keeps all of it). */
const shown = (value: string): string => (value.length > 200 ? `${value.slice(0, 199)}…` : value);

function audit(
  action: TrainingAuditEntry['action'],
  dayNumber: number,
  by: Actor,
  at: string,
  summary: string,
  changes: TrainingAuditEntry['changes'] = [],
): TrainingAuditEntry {
  return { id: newId(), at, by, action, dayNumber, summary, changes };
}

/** The card the bot posts for an unlock; its id names the unlock itself, so a re-send is deduplicated. */
export function unlockedNotification(tid: string, day: Omit<StoredDay, 'etag'>): TrainingDayUnlockedNotification {
  const at = day.unlock?.at ?? day.updatedAt;
  return {
    kind: 'trainingDayUnlocked',
    id: `trainingDayUnlocked:${tid}:${day.dayNumber}:${at}`,
    version: 1,
    createdAt: at,
    dayNumber: day.dayNumber,
    title: day.title.slice(0, 200),
    description: day.description.slice(0, 4000),
    by: { name: (day.unlock?.by.name ?? '').slice(0, 200), upn: (day.unlock?.by.upn ?? '').slice(0, 320) },
    at,
  };
}

/** Unlock: `undefined` for a day that is already unlocked (nothing is written, nothing is sent). */
export function unlockChange(tid: string, day: StoredDay, by: Actor, at: string): ProgrammeChange | undefined {
  if (day.unlocked) return undefined;
  const next = { ...withoutEtag(day), unlocked: true, unlock: { at, by } };
  return {
    day: { next, etag: day.etag },
    audit: audit('unlock', day.dayNumber, by, at, `Unlocked day ${day.dayNumber} (learners notified)`, [
      { field: 'unlocked', from: 'no', to: 'yes' },
    ]),
    outbox: unlockedNotification(tid, next),
  };
}

/** Lock: `undefined` for a day that is already locked. Learners' progress stays; they see it again on the next unlock. */
export function lockChange(day: StoredDay, by: Actor, at: string): ProgrammeChange | undefined {
  if (!day.unlocked) return undefined;
  const { unlock: _unlock, ...rest } = withoutEtag(day);
  return {
    day: { next: { ...rest, unlocked: false }, etag: day.etag },
    audit: audit('lock', day.dayNumber, by, at, `Locked day ${day.dayNumber}`, [{ field: 'unlocked', from: 'yes', to: 'no' }]),
  };
}

const editable = ['title', 'description', 'presentationUrl', 'resourcesUrl'] as const;
const fieldNames: Record<(typeof editable)[number], string> = {
  title: 'Title',
  description: 'Description',
  presentationUrl: 'Presentation link',
  resourcesUrl: 'Resources link',
};

/** Edit (or create, for a day number not used yet); `undefined` when the content is unchanged. */
export function editChange(
  dayNumber: number,
  current: StoredDay | undefined,
  input: TrainingDayInput,
  by: Actor,
  at: string,
): ProgrammeChange | undefined {
  const changes = editable
    .filter((field) => (current?.[field] ?? '') !== input[field])
    .map((field) => ({ field, from: shown(current?.[field] ?? ''), to: shown(input[field]) }));
  if (current && changes.length === 0) return undefined;
  const base = current ? withoutEtag(current) : { dayNumber, unlocked: false };
  const next = { ...base, ...input, dayNumber, updatedAt: at, updatedBy: by };
  const summary = current
    ? `Edited day ${dayNumber}: ${changes.map((change) => fieldNames[change.field as (typeof editable)[number]]).join(', ')}`
    : `Created day ${dayNumber} “${shown(input.title)}”`;
  return { day: { next, ...(current ? { etag: current.etag } : {}) }, audit: audit('edit', dayNumber, by, at, summary, changes) };
}

/** Add a recording (the URL was validated by the input schema; it is parsed again for its platform and embed). */
export function addRecordingChange(
  day: StoredDay,
  input: RecordingInput,
  by: Actor,
  at: string,
): { change: ProgrammeChange; recording: Recording } {
  const parsed = parseVideoUrl(input.url);
  if (!parsed.ok) throw new Error(`unvalidated recording URL: ${parsed.reason}`);
  const recording: Recording = {
    recordingId: newId(),
    dayNumber: day.dayNumber,
    title: input.title,
    url: parsed.url,
    platform: parsed.platform,
    ...(parsed.embedUrl ? { embedUrl: parsed.embedUrl } : {}),
    ...(input.durationSeconds === undefined ? {} : { durationSeconds: input.durationSeconds }),
    active: input.active,
    addedAt: at,
    addedBy: by,
  };
  const summary = `Added recording “${shown(input.title)}” (${parsed.platform}) to day ${day.dayNumber}`;
  return {
    recording,
    change: {
      addRecording: recording,
      audit: audit('addRecording', day.dayNumber, by, at, summary, [{ field: 'recording', from: '', to: shown(parsed.url) }]),
    },
  };
}

export function removeRecordingChange(recording: Recording, by: Actor, at: string): ProgrammeChange {
  const summary = `Removed recording “${shown(recording.title)}” from day ${recording.dayNumber}`;
  return {
    removeRecording: { dayNumber: recording.dayNumber, recordingId: recording.recordingId },
    audit: audit('removeRecording', recording.dayNumber, by, at, summary, [{ field: 'recording', from: shown(recording.url), to: '' }]),
  };
}
