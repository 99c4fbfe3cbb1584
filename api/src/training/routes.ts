import type { HttpRequest } from '@azure/functions';
import { recordingIdSchema, trainingDayParamSchema } from '@planboard/contracts';
import { z } from 'zod';
import type { Access } from '../access/guard';
import {
  type Caller,
  queueSender,
  type NotificationSender,
  type Actor,
  type StoredDay,
  type CommitOutcome,
  type Programme,
} from '@planboard/server';
import { config } from '../config';
import { ApiError, badRequest, notFound } from '../errors';
import { getServices } from '../services';

/** `{day}` and `{day}/recordings/{recordingId}` (the day number arrives as text). */
export const dayParams = z.object({ day: trainingDayParamSchema });
export const recordingParams = dayParams.extend({ recordingId: recordingIdSchema });

const trainingStore = () => getServices().training;

export const actorOf = (caller: Caller): Actor => ({ name: caller.name, upn: caller.upn });

/** The same words whether the day does not exist or is locked: a learner learns nothing about locked days. */
const missingDay = (dayNumber: number) => notFound(`Day ${dayNumber} was not found.`);

/** The day the caller may see: admins any day, learners unlocked days only (404 otherwise). */
export function requireVisibleDay(programme: Programme, dayNumber: number, access: Access): StoredDay {
  const day = programme.days.find((candidate) => candidate.dayNumber === dayNumber);
  if (!day || (!day.unlocked && !access.caller.isAdmin)) throw missingDay(dayNumber);
  return day;
}

/** An existing day, for admin actions on it. */
export function requireDay(programme: Programme, dayNumber: number): StoredDay {
  const day = programme.days.find((candidate) => candidate.dayNumber === dayNumber);
  if (!day) throw missingDay(dayNumber);
  return day;
}

const entityTag = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/** `If-Match` when sent: `*` or one entity tag, as the day's GET sent it; anything else is a 400. */
export function ifMatch(request: HttpRequest): string | undefined {
  const raw = request.headers.get('if-match');
  if (raw === null) return undefined;
  const value = raw.trim();
  if (value === '*' || entityTag.test(value)) return value;
  throw badRequest('If-Match must be "*" or the one ETag this day was loaded with.', [
    { path: 'if-match', message: value.includes(',') ? 'send a single ETag, not a list' : 'not an entity tag' },
  ]);
}

export const staleDay = (dayNumber: number): ApiError =>
  new ApiError(412, 'PreconditionFailed', `Someone changed day ${dayNumber} since you loaded it. Reload it and try again.`);

/** A commit that lost a race is a 409: the request may be retried against the new state. */
export function checkCommit(outcome: CommitOutcome, dayNumber: number): void {
  if (outcome === 'changed')
    throw new ApiError(409, 'Conflict', `Day ${dayNumber} changed while this was being saved. Reload it and try again.`);
}

/** How long a sender holds an outbox row before another may send it (far longer than one queue send). */
const claimMs = 60_000;

/**
 * Sends what the outbox holds (the notification of the change just committed, and any a crash
 * left behind), then clears each row. Each row is claimed first, so concurrent admin actions
 * queue it once; a queue outage releases nothing and the claim expires for the next action.
 * The bot also deduplicates by id, should a claim expire mid-send.
 */
export async function flushOutbox(
  tid: string,
  warn: (message: string) => void,
  send: NotificationSender = queueSender(config().AzureWebJobsStorage),
): Promise<number> {
  const store = trainingStore();
  let sent = 0;
  for (const row of await store.pendingOutbox(tid)) {
    const now = Date.now();
    if (row.claimedUntil && Date.parse(row.claimedUntil) > now) continue;
    if (!(await store.claimOutbox(tid, row.rowKey, row.etag, new Date(now + claimMs).toISOString()))) continue;
    try {
      await send(row.notification);
      await store.clearOutbox(tid, row.rowKey);
      sent += 1;
    } catch (error) {
      warn(`Could not enqueue ${row.notification.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return sent;
}
