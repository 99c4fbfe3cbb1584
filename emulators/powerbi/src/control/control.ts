import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmbedTokenIssuer } from '../auth/embed-token';
import { readJsonBody } from '../http/body';
import type { RuntimeSettings } from '../http/api';
import { ApiError, entityNotFound, invalidRequest } from '../http/errors';
import { send } from '../http/respond';
import type { RequestLog } from '../log/request-log';
import type { EmulatorState } from '../model/state';
import type { DatasetState } from '../model/types';
import type { RefreshEngine } from '../refresh/engine';
import type { Fixture, SeedResult } from '../seed/fixtures';
import { sampleIds } from '../seed/sample-ids';
import type { Throttle } from '../throttle/throttle';

/** What the test-control API drives. */
export interface ControlDeps {
  state: EmulatorState;
  engine: RefreshEngine;
  throttle: Throttle;
  log: RequestLog;
  settings: RuntimeSettings;
  embedTokens: EmbedTokenIssuer;
  reset(empty: boolean): Promise<void>;
  seed(fixture: Fixture): SeedResult;
  advanceClock(ms: number): Promise<void>;
}

type ControlHandler = (
  deps: ControlDeps,
  body: Record<string, unknown>,
  params: string[],
  query: URLSearchParams,
) => Promise<unknown> | unknown;

const units: Record<string, number> = { ms: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

function numberField(body: Record<string, unknown>, name: string, required = true): number | undefined {
  const value = body[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalidRequest(`${name} must be a non-negative number`);
  return value;
}

function dataset(deps: ControlDeps, id: string | undefined): DatasetState {
  const found = deps.state.dataset(id ?? '');
  if (!found) throw entityNotFound();
  return found;
}

function clockView(deps: ControlDeps): Record<string, unknown> {
  return { now: new Date(deps.state.clock.now()).toISOString(), offsetMs: deps.state.clock.offsetMs };
}

/** Control routes: method, path pattern (groups are parameters), handler. */
const routes: [string, RegExp, ControlHandler][] = [
  ['GET', /^\/_emulator\/health$/, (deps) => ({ status: 'ok', ...clockView(deps) })],
  ['GET', /^\/_emulator\/sample$/, () => sampleIds],
  ['POST', /^\/_emulator\/reset$/, async (deps, body) => (await deps.reset(body.empty === true), { reset: true, ...clockView(deps) })],
  ['POST', /^\/_emulator\/seed$/, (deps, body) => deps.seed(body as Fixture)],
  ['GET', /^\/_emulator\/clock$/, (deps) => clockView(deps)],
  [
    'POST',
    /^\/_emulator\/clock\/advance$/,
    async (deps, body) => {
      const entries = Object.entries(units).filter(([unit]) => body[unit] !== undefined);
      if (entries.length === 0) throw invalidRequest('Give ms, seconds, minutes, hours or days');
      const ms = entries.reduce((sum, [unit, factor]) => sum + (numberField(body, unit) ?? 0) * factor, 0);
      await deps.advanceClock(ms);
      return clockView(deps);
    },
  ],
  [
    'POST',
    /^\/_emulator\/datasets\/([^/]+)\/next-refresh$/,
    (deps, body, [id]) => {
      const target = dataset(deps, id);
      const fail = body.fail as { errorCode?: unknown; errorDescription?: unknown } | undefined;
      if (fail !== undefined) {
        if (typeof fail.errorCode !== 'string' || !fail.errorCode) throw invalidRequest('fail.errorCode is required');
        const failure = {
          errorCode: fail.errorCode,
          ...(typeof fail.errorDescription === 'string' ? { errorDescription: fail.errorDescription } : {}),
        };
        const count = numberField(body, 'count', false) ?? 1;
        for (let index = 0; index < count; index += 1) target.next.failures.push({ ...failure });
      }
      const durationMs = numberField(body, 'durationMs', false);
      if (durationMs !== undefined) target.next.durationMs = durationMs;
      return {
        datasetId: target.id,
        queuedFailures: target.next.failures.length,
        nextDurationMs: target.next.durationMs ?? target.refreshDurationMs,
      };
    },
  ],
  [
    'PATCH',
    /^\/_emulator\/datasets\/([^/]+)$/,
    (deps, body, [id]) => {
      const target = dataset(deps, id);
      const duration = numberField(body, 'refreshDurationMs', false);
      if (duration !== undefined) target.refreshDurationMs = duration;
      if (typeof body.configuredBy === 'string') target.configuredBy = body.configuredBy.toLowerCase();
      if (typeof body.credentialsLostOnTakeOver === 'boolean') target.credentialsLostOnTakeOver = body.credentialsLostOnTakeOver;
      if (typeof body.credentialsMissing === 'boolean') target.credentialsMissing = body.credentialsMissing;
      return {
        id: target.id,
        refreshDurationMs: target.refreshDurationMs,
        configuredBy: target.configuredBy,
        credentialsMissing: target.credentialsMissing,
      };
    },
  ],
  [
    'PATCH',
    /^\/_emulator\/workspaces\/([^/]+)$/,
    (deps, body, [id]) => {
      const target = deps.state.workspace(id ?? '');
      if (!target) throw entityNotFound();
      if (typeof body.unreadable === 'boolean') target.unreadable = body.unreadable;
      return { id: target.id, unreadable: target.unreadable === true };
    },
  ],
  [
    'PUT',
    /^\/_emulator\/latency$/,
    (deps, body) => ((deps.settings.latencyMs = numberField(body, 'ms') ?? 0), { latencyMs: deps.settings.latencyMs }),
  ],
  [
    'PUT',
    /^\/_emulator\/throttle$/,
    (deps, body) => {
      const caller = typeof body.caller === 'string' ? body.caller : '*';
      const limit = numberField(body, 'limit') ?? 0;
      const windowSeconds = numberField(body, 'windowSeconds') ?? 0;
      if (windowSeconds <= 0) throw invalidRequest('windowSeconds must be positive');
      deps.throttle.setCallerBudget(caller, { limit, windowMs: windowSeconds * 1000 });
      return { caller, limit, windowSeconds };
    },
  ],
  ['DELETE', /^\/_emulator\/throttle$/, (deps) => (deps.throttle.clear(), { cleared: true })],
  [
    'GET',
    /^\/_emulator\/requests$/,
    (deps, _body, _params, query) => {
      const status = query.get('status');
      const sinceSeq = query.get('sinceSeq');
      const limit = query.get('limit');
      const caller = query.get('caller');
      return {
        value: deps.log.list({
          ...(caller ? { caller } : {}),
          ...(status ? { status: Number(status) } : {}),
          ...(sinceSeq ? { sinceSeq: Number(sinceSeq) } : {}),
          ...(limit ? { limit: Number(limit) } : {}),
        }),
      };
    },
  ],
  ['DELETE', /^\/_emulator\/requests$/, (deps) => (deps.log.clear(), { cleared: true })],
  ['GET', /^\/_emulator\/embed-token-keys$/, (deps) => ({ keys: [deps.embedTokens.publicJwk] })],
  ['GET', /^\/_emulator\/contract-violations$/, (deps) => ({ value: deps.settings.violations })],
];

/**
 * The test-control API under `/_emulator/` (not part of Power BI): reset, seed, clock, failure
 * injection, latency, throttle budgets, request log. No auth: the emulator listens on loopback.
 */
export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlDeps): Promise<void> {
  try {
    const method = req.method ?? 'GET';
    for (const [routeMethod, pattern, handler] of routes) {
      const match = pattern.exec(url.pathname);
      if (!match || routeMethod !== method) continue;
      const body = ((await readJsonBody(req)) ?? {}) as Record<string, unknown>;
      if (typeof body !== 'object' || Array.isArray(body)) throw invalidRequest('The body must be a JSON object');
      await deps.engine.catchUp();
      const result = await handler(deps, body, match.slice(1).map(decodeURIComponent), url.searchParams);
      send(res, 200, result);
      return;
    }
    send(res, 404, { error: { code: 'NotFound', message: `No control route ${method} ${url.pathname}` } });
  } catch (error) {
    if (error instanceof ApiError) send(res, error.status, error.body);
    else send(res, 500, { error: { code: 'InternalServerError', message: error instanceof Error ? error.message : String(error) } });
  }
}
