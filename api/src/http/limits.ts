import type { HttpResponseInit } from '@azure/functions';
import { Readable } from 'node:stream';
import { config } from '../config';
import { Admission, type Release } from './admission';
import type { AuthedHandler } from './authed';

/** The kinds of expensive request that each have their own per-host admission. */
export const limitedWork = ['planReads', 'planSaves', 'exports', 'imports'] as const;
export type LimitedWork = (typeof limitedWork)[number];

const admissions = new Map<LimitedWork, Admission>();

function settingOf(kind: LimitedWork): { running: number; waiting: number; retryAfterSeconds: number; words: string } {
  const settings = config();
  switch (kind) {
    case 'planReads':
      return { ...settings.LIMIT_PLAN_READS, retryAfterSeconds: 2, words: 'plan reads' };
    case 'planSaves':
      return { ...settings.LIMIT_PLAN_SAVES, retryAfterSeconds: 2, words: 'saves' };
    case 'exports':
      return { ...settings.LIMIT_EXPORTS, retryAfterSeconds: 10, words: 'exports' };
    case 'imports':
      return { ...settings.LIMIT_IMPORTS, retryAfterSeconds: 10, words: 'imports' };
  }
}

/** This host's admission for one kind of work (created from config on first use). */
export function admissionFor(kind: LimitedWork): Admission {
  let admission = admissions.get(kind);
  if (!admission) {
    const { words, ...limits } = settingOf(kind);
    admission = new Admission(words, limits);
    admissions.set(kind, admission);
  }
  return admission;
}

/**
 * Releases once the body has been sent (or abandoned) when it is a Node stream (our exports),
 * else at once: other bodies are complete when the handler returns.
 */
function releaseWhenSent(response: HttpResponseInit, release: Release): HttpResponseInit {
  const body = response.body;
  if (body instanceof Readable) {
    body.once('close', release);
    if (body.destroyed) release();
    return response;
  }
  release();
  return response;
}

/**
 * Runs an authenticated handler inside this host's admission for `kind`: at most N at once, a
 * bounded queue, 503 ServerBusy with Retry-After beyond it. A streamed body keeps its slot until
 * it has been sent, so the work a slot bounds includes the export itself.
 */
export function limited(kind: LimitedWork, handler: AuthedHandler): AuthedHandler {
  return async (request, context, access) => {
    const release = await admissionFor(kind).acquire();
    try {
      return releaseWhenSent(await handler(request, context, access), release);
    } catch (error) {
      release();
      throw error;
    }
  };
}
