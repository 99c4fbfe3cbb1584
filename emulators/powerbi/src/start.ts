import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createBearerVerifier, type AuthOptions } from './auth/bearer';
import { EmbedTokenIssuer, type EmbedTokenClaims } from './auth/embed-token';
import { Clock } from './clock/clock';
import { handleControl, type ControlDeps } from './control/control';
import { operationIds, type OperationId } from './contract/operations';
import { requiredScopes } from './contract/scopes';
import { loadSwagger } from './contract/swagger';
import { ContractValidator } from './contract/validator';
import { handleApi, type ApiDeps, type RuntimeSettings } from './http/api';
import { preflight, send } from './http/respond';
import { Router } from './http/router';
import { RequestLog } from './log/request-log';
import { EmulatorState } from './model/state';
import { RefreshEngine } from './refresh/engine';
import { storageImporter, type StorageTableNames } from './refresh/import';
import type { Services } from './routes/context';
import { applyFixture, type Fixture } from './seed/fixtures';
import { defaultServicePrincipalAppId } from './seed/sample-ids';
import { seedSampleTenant } from './seed/sample-tenant';
import { Throttle } from './throttle/throttle';

/** A page or endpoint served next to the API (the embed page of a later task plugs in here). */
export interface EmulatorPlugin {
  matches(method: string, pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, emulator: RunningPowerBiEmulator): Promise<void> | void;
}

/** Options of {@link startPowerBiEmulator}. */
export interface PowerBiEmulatorOptions {
  /** HTTP port (0 = any free port). */
  port: number;
  /** Interface to listen on; loopback by default (the control API has no auth). */
  host?: string;
  /** HTTPS port, used when `tls` is given (the embed page must be served over HTTPS under a *.powerbi.com name). */
  httpsPort?: number;
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Bearer token validation: JWKS URL, issuer allow-list, audience (default the Power BI resource). */
  auth: AuthOptions;
  /** Table Storage (Azurite) that bound datasets re-import from on refresh; without it refreshes keep the current rows. */
  storageConnectionString?: string;
  /** Table names to import from (default: the app's `budget`, `users`, `grants`, `scopes`). */
  storageTableNames?: StorageTableNames;
  /** Emulated latency added to every API response. */
  latencyMs?: number;
  /** Initial emulator clock offset from real time (ms). */
  clockOffset?: number;
  /** App ids of the service principals that administer the sample workspaces (default: the local identity provider's Power BI client). */
  servicePrincipals?: string[];
  /** Origin of `embedUrl` links (default `https://app.powerbi.com`). */
  embedOrigin?: string;
  /** Start with the sample tenant (default) or empty. */
  seed?: 'sample' | 'empty';
  /** Validate every response against the contract and turn violations into 500s (tests). */
  validateResponses?: boolean;
  /** Deviation switch: let service principals query RLS datasets with impersonatedUserName. */
  allowServicePrincipalRls?: boolean;
  /** How often scheduled and running refreshes are advanced in real time (ms, default 1000). */
  tickIntervalMs?: number;
  plugins?: EmulatorPlugin[];
}

/** A running emulator. */
export interface RunningPowerBiEmulator {
  /** `http://host:port`: the API is under `${url}/v1.0/myorg`. */
  url: string;
  httpsUrl?: string;
  state: EmulatorState;
  engine: RefreshEngine;
  requestLog: RequestLog;
  settings: RuntimeSettings;
  embedTokens: EmbedTokenIssuer;
  /** Verifies an embed token this emulator issued (for the embed page). */
  verifyEmbedToken(token: string): Promise<EmbedTokenClaims>;
  /** Moves the emulator clock and runs what became due (refresh ends, schedule slots). */
  advanceClock(ms: number): Promise<void>;
  reset(empty?: boolean): Promise<void>;
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the Power BI emulator (HTTP, and HTTPS when `tls` is given). */
export async function startPowerBiEmulator(options: PowerBiEmulatorOptions): Promise<RunningPowerBiEmulator> {
  const host = options.host ?? '127.0.0.1';
  const servicePrincipals = (options.servicePrincipals ?? [defaultServicePrincipalAppId]).map((id) => id.toLowerCase());
  const clock = new Clock(options.clockOffset ?? 0);
  const state = new EmulatorState(clock);
  const engine = new RefreshEngine(
    state,
    options.storageConnectionString ? storageImporter(options.storageConnectionString, options.storageTableNames) : undefined,
  );
  const embedTokens = await EmbedTokenIssuer.create();
  const throttle = new Throttle();
  const log = new RequestLog();
  const settings: RuntimeSettings = {
    latencyMs: options.latencyMs ?? 0,
    validateResponses: options.validateResponses ?? false,
    violations: [],
  };
  const swagger = loadSwagger();
  const contract = new ContractValidator(swagger);
  const scopes = new Map<OperationId, readonly string[]>(operationIds.map((id) => [id, requiredScopes(contract.operation(id))]));
  const services: Services = {
    state,
    engine,
    embedTokens,
    throttle,
    behaviour: { allowServicePrincipalRls: options.allowServicePrincipalRls ?? false },
    embedOrigin: options.embedOrigin ?? 'https://app.powerbi.com',
  };
  const api: ApiDeps = {
    services,
    router: new Router(swagger),
    contract,
    scopes,
    auth: { verifyBearer: createBearerVerifier(options.auth), embedTokens },
    log,
    settings,
  };

  const reset = async (empty = false): Promise<void> => {
    await engine.catchUp();
    state.clear();
    clock.setOffset(options.clockOffset ?? 0);
    throttle.clear();
    log.clear();
    settings.latencyMs = options.latencyMs ?? 0;
    if (!empty) seedSampleTenant(state, { servicePrincipals });
    engine.resetTimeline();
  };
  const advanceClock = async (ms: number): Promise<void> => {
    await engine.catchUp();
    clock.advance(ms);
    await engine.catchUp();
  };
  const control: ControlDeps = {
    state,
    engine,
    throttle,
    log,
    settings,
    embedTokens,
    reset,
    advanceClock,
    seed: (fixture: Fixture) => applyFixture(state, fixture, servicePrincipals),
  };

  // Plugins receive the running emulator, which exists only once the servers listen.
  const running: { current?: RunningPowerBiEmulator } = {};
  const listener = (secure: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `${secure ? 'https' : 'http'}://${req.headers.host ?? host}`);
    const method = req.method ?? 'GET';
    const plugin = options.plugins?.find((item) => item.matches(method, url.pathname));
    const work = url.pathname.startsWith('/_emulator/')
      ? handleControl(req, res, url, control)
      : plugin && running.current
        ? Promise.resolve(plugin.handle(req, res, running.current))
        : url.pathname.startsWith('/v1.0/') && method === 'OPTIONS'
          ? Promise.resolve(preflight(res))
          : url.pathname.startsWith('/v1.0/')
            ? handleApi(req, res, url, api)
            : Promise.resolve(send(res, 404, { error: { code: 'NotFound', message: `Nothing at ${url.pathname}` } }));
    work.catch((error: unknown) => {
      console.error('[powerbi-emulator]', error);
      if (!res.headersSent) send(res, 500, { error: { code: 'InternalServerError', message: String(error) } });
    });
  };

  await reset(options.seed === 'empty');
  const http = createHttpServer(listener(false));
  const port = await listen(http, options.port, host);
  const https = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener(true)) : undefined;
  const httpsPort = https ? await listen(https, options.httpsPort ?? 0, host) : undefined;
  const tick = setInterval(
    () => void engine.catchUp().catch((error: unknown) => console.error('[powerbi-emulator] tick', error)),
    options.tickIntervalMs ?? 1000,
  );
  tick.unref();

  const emulator: RunningPowerBiEmulator = {
    url: `http://${host}:${port}`,
    ...(httpsPort ? { httpsUrl: `https://${host}:${httpsPort}` } : {}),
    state,
    engine,
    requestLog: log,
    settings,
    embedTokens,
    verifyEmbedToken: (token) => embedTokens.verify(token),
    advanceClock,
    reset,
    stop: async () => {
      clearInterval(tick);
      await Promise.all([close(http), ...(https ? [close(https)] : [])]);
      await engine.catchUp().catch(() => undefined);
    },
  };
  running.current = emulator;
  return emulator;
}
