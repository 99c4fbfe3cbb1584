import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBearerVerifier, type BearerOptions } from './auth/bearer';
import { handleControl } from './control/control';
import { RequestLog } from './control/request-log';
import { ForcedThrottle } from './control/throttle';
import { send } from './http/respond';
import { handleWebApi, webApiPath, type WebApiDeps } from './http/web-api';
import { StoreTable } from './model/store-table';

/** The Dataverse environment the seed stands for (the identity provider's default Dataverse audience). */
export const defaultEnvironmentUrl = 'https://contoso-planboard.crm4.dynamics.com';

/** The local identity provider's Planboard API client: the pipeline's application user. */
export const defaultApplicationUser = '10ca1a00-0000-4000-8000-000000000001';

/** Options of {@link startDataverseEmulator}. */
export interface DataverseEmulatorOptions {
  /** HTTP port (0 = any free port). */
  port: number;
  /** Interface to listen on; loopback by default (the control API has no auth). */
  host?: string;
  /** Token validation: the identity provider's JWKS and issuers. */
  auth: BearerOptions;
  /** The environment URL: the audience tokens must carry. Default {@link defaultEnvironmentUrl}. */
  environmentUrl?: string;
  /** Tenant authority for the 401 challenge. Default `https://login.microsoftonline.com/<tid>` from the first issuer. */
  authority?: string;
  /** App ids registered as application users. Default: the Planboard API client. */
  applicationUsers?: string[];
  /** Start with the 40 sample stores (default) or empty. */
  seed?: 'sample' | 'empty';
}

/** A running emulator. */
export interface RunningDataverseEmulator {
  /** `http://host:port`; the Web API is under `${url}/api/data/v9.2/`. */
  url: string;
  environmentUrl: string;
  table: StoreTable;
  requestLog: RequestLog;
  throttle: ForcedThrottle;
  stop(): Promise<void>;
}

function authorityOf(issuer: string | undefined): string {
  const tid = /([0-9a-f-]{36})/.exec(issuer ?? '')?.[1] ?? 'common';
  return `https://login.microsoftonline.com/${tid}`;
}

/** Starts the Dataverse Web API emulator (store master table `pb_stores`). */
export async function startDataverseEmulator(options: DataverseEmulatorOptions): Promise<RunningDataverseEmulator> {
  const host = options.host ?? '127.0.0.1';
  const environmentUrl = (options.environmentUrl ?? defaultEnvironmentUrl).replace(/\/$/, '');
  const table = new StoreTable();
  const throttle = new ForcedThrottle();
  const log = new RequestLog();
  const configuredUsers = (options.applicationUsers ?? [defaultApplicationUser]).map((id) => id.toLowerCase());
  const applicationUsers = new Set(configuredUsers);
  const reset = (seed: boolean): void => {
    table.reset(seed);
    applicationUsers.clear();
    for (const id of configuredUsers) applicationUsers.add(id);
    throttle.set(undefined);
    log.clear();
  };
  reset(options.seed !== 'empty');
  const api: WebApiDeps = {
    table,
    verify: createBearerVerifier(options.auth, [environmentUrl, `${environmentUrl}/`]),
    environmentUrl,
    authority: options.authority ?? authorityOf(options.auth.issuers[0]),
    applicationUsers,
    throttle,
    log,
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
    const work = url.pathname.startsWith('/_emulator/')
      ? handleControl(req, res, url, { table, throttle, log, applicationUsers, reset })
      : url.pathname.startsWith(webApiPath)
        ? handleWebApi(req, res, url, api)
        : Promise.resolve(
            send(res, 404, { error: { code: '0x8006088a', message: `Resource not found for the segment '${url.pathname}'.` } }),
          );
    work.catch((error: unknown) => {
      console.error('[dataverse-emulator]', error);
      if (!res.headersSent) send(res, 500, { error: { code: '0x80040216', message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    environmentUrl,
    table,
    requestLog: log,
    throttle,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
