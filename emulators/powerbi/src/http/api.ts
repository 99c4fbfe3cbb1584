import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticate, checkScopes, errorCodeOf, type Authenticator } from '../auth/authenticate';
import type { Caller } from '../auth/caller';
import type { OperationId } from '../contract/operations';
import type { ContractValidator } from '../contract/validator';
import type { RequestLog } from '../log/request-log';
import { embedTokenOperations, handlers } from '../routes';
import type { ApiResponse, Services } from '../routes/context';
import { documentedBudgets } from '../throttle/throttle';
import { newId } from '../util/ids';
import { readJsonBody } from './body';
import { ApiError, invalidRequest, throttled } from './errors';
import { corsHeaders, send } from './respond';
import type { Router } from './router';

/** A response that broke the contract (test mode turns these into loud 500s). */
export interface ContractViolation {
  at: string;
  method: string;
  path: string;
  operationId: OperationId;
  status: number;
  problems: string[];
}

/** Settings the control API can change at run time. */
export interface RuntimeSettings {
  latencyMs: number;
  validateResponses: boolean;
  violations: ContractViolation[];
}

/** What the API pipeline needs. */
export interface ApiDeps {
  services: Services;
  router: Router;
  contract: ContractValidator;
  scopes: ReadonlyMap<OperationId, readonly string[]>;
  auth: Authenticator;
  log: RequestLog;
  settings: RuntimeSettings;
}

function checkQuery(deps: ApiDeps, operationId: OperationId, query: URLSearchParams): void {
  for (const parameter of deps.contract.operation(operationId).parameters ?? []) {
    const value = query.get(parameter.name);
    if (parameter.in !== 'query' || value === null) continue;
    if (parameter.type === 'integer' && !/^-?\d+$/.test(value)) throw invalidRequest(`${parameter.name} must be an integer`);
    if (parameter.enum && !parameter.enum.includes(value))
      throw invalidRequest(`${parameter.name} must be one of ${parameter.enum.join(', ')}`);
  }
}

/** Per-caller budget first, then the documented per-API budget (executeQueries, per user). */
function checkThrottle(deps: ApiDeps, operationId: OperationId, caller: Caller, arrival: number): void {
  const { throttle } = deps.services;
  const refusal =
    throttle.take('caller', caller.id, throttle.callerBudget(caller.id), arrival) ??
    (embedTokenOperations.has(operationId)
      ? throttle.take('executeQueries', caller.id, documentedBudgets.executeQueries, arrival)
      : undefined);
  if (refusal) throw throttled(refusal.retryAfterSeconds, refusal.deadline);
}

/**
 * One `/v1.0/myorg/…` request: route, authenticate, throttle, validate the request against the
 * contract, catch up the clock, run the handler, optionally validate the response, apply the
 * emulated latency, answer with `RequestId`, and log it.
 */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, deps: ApiDeps): Promise<void> {
  const arrival = Date.now();
  const clockAtArrival = deps.services.state.clock.now();
  const requestId = newId();
  const method = req.method ?? 'GET';
  let caller: Caller | undefined;
  let operationId: OperationId | undefined;
  let response: ApiResponse;
  let deadline: number | undefined;
  try {
    const match = deps.router.match(method, url.pathname);
    if ('kind' in match) {
      const allowed = match.kind === 'methodNotAllowed' ? match.allowed.join(', ') : '';
      throw match.kind === 'notFound'
        ? new ApiError(404, { error: { code: 'NotFound', message: `The emulator does not implement ${method} ${url.pathname}` } })
        : new ApiError(405, { error: { code: 'MethodNotAllowed', message: `Allowed: ${allowed}` } }, { Allow: allowed });
    }
    operationId = match.operationId;
    caller = await authenticate(req.headers.authorization, embedTokenOperations.has(operationId), deps.auth);
    checkScopes(caller, deps.scopes.get(operationId) ?? []);
    checkThrottle(deps, operationId, caller, arrival);
    checkQuery(deps, operationId, url.searchParams);
    const body = await readJsonBody(req);
    const problems = deps.contract.requestBody(operationId, body);
    if (problems.length) throw invalidRequest(`The request body does not match the contract: ${problems.join('; ')}`);
    await deps.services.engine.catchUp();
    const links = { apiOrigin: `${url.protocol}//${url.host}`, embedOrigin: deps.services.embedOrigin };
    response = await handlers[operationId]({
      services: deps.services,
      operationId,
      params: match.params,
      query: url.searchParams,
      body,
      caller,
      requestId,
      links,
    });
  } catch (error) {
    if (error instanceof ApiError) {
      response = { status: error.status, body: error.body, headers: error.headers };
      deadline = error.retryDeadline;
    } else {
      console.error('[powerbi-emulator] unexpected error', error);
      response = {
        status: 500,
        body: { error: { code: 'InternalServerError', message: error instanceof Error ? error.message : String(error) } },
      };
    }
  }
  if (deps.settings.validateResponses && operationId) {
    const problems = deps.contract.response(operationId, response.status, response.body);
    if (problems.length) {
      deps.settings.violations.push({
        at: new Date().toISOString(),
        method,
        path: url.pathname,
        operationId,
        status: response.status,
        problems,
      });
      console.error(`[powerbi-emulator] contract violation in ${operationId} ${response.status}: ${problems.join('; ')}`);
      response = { status: 500, body: { error: { code: 'EmulatorContractViolation', message: problems.join('; ') } } };
    }
  }
  const wait = deps.settings.latencyMs - (Date.now() - arrival);
  if (wait > 0) await sleep(wait);
  send(res, response.status, response.body, { ...corsHeaders(), ...response.headers, RequestId: requestId });
  const retryAfter = response.status === 429 ? Number(response.headers?.['Retry-After']) : undefined;
  deps.log.add({
    requestId,
    at: new Date(arrival).toISOString(),
    atMs: arrival,
    clock: new Date(clockAtArrival).toISOString(),
    method,
    path: url.pathname + url.search,
    ...(operationId ? { operationId } : {}),
    caller: caller?.id ?? 'anonymous',
    callerKind: caller?.kind ?? 'anonymous',
    status: response.status,
    durationMs: Date.now() - arrival,
    ...(response.status >= 400 ? { errorCode: errorCodeOf(response.body) } : {}),
    ...(retryAfter !== undefined
      ? { retryAfterSeconds: retryAfter, ...(deadline !== undefined ? { retryAfterDeadline: new Date(deadline).toISOString() } : {}) }
      : {}),
  });
}
