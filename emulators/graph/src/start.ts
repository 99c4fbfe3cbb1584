import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createBearerVerifier, type BearerOptions } from './auth/bearer';
import { handleControl } from './control/control';
import { RequestLog } from './control/request-log';
import { ForcedThrottle } from './control/throttle';
import { handleDownload, handleGraphApi, type GraphApiDeps } from './http/graph-api';
import { send } from './http/respond';
import { DownloadLinks, downloadPath } from './model/download-links';
import type { Drive } from './model/drive';
import { seedSampleDrive } from './seed/sample-drive';

/** Graph's resource: the `aud` of v1 tokens (identifier URI) or of v2 tokens (app id). */
export const graphAudiences = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'];

/** Options of {@link startGraphEmulator}. */
export interface GraphEmulatorOptions {
  /** HTTP port (0 = any free port). */
  port: number;
  /** Interface to listen on; loopback by default (the control API has no auth). */
  host?: string;
  /** Token validation: the identity provider's JWKS and issuers. */
  auth: BearerOptions;
  /** Apps granted the drives' site under `Sites.Selected`. Default none. */
  sitesSelectedApps?: string[];
  /** Start with the sample OneDrive (default) or with no drives. */
  seed?: 'sample' | 'empty';
  /** "Now" of the seed (its 12 weeks end with the last complete week before it). Default: the real time. */
  seedNow?: Date;
  /** Lifetime of pre-authenticated download URLs. Default one hour. */
  downloadUrlLifetimeMs?: number;
  /**
   * Adds an HTTPS listener (port `httpsPort`, 0 = any). `@microsoft/microsoft-graph-client` only
   * attaches the bearer token to `https:` URLs of Graph or of its `customHosts`, so clients use this one.
   */
  tls?: { cert: string | Buffer; key: string | Buffer };
  httpsPort?: number;
}

/** A running emulator. */
export interface RunningGraphEmulator {
  /** `http://host:port`; the API is under `${url}/v1.0/`. */
  url: string;
  /** `https://localhost:port` when `tls` is given. */
  httpsUrl?: string;
  drives: Map<string, Drive>;
  requestLog: RequestLog;
  throttle: ForcedThrottle;
  reset(seed?: boolean): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the Microsoft Graph drive-items emulator. */
export async function startGraphEmulator(options: GraphEmulatorOptions): Promise<RunningGraphEmulator> {
  const host = options.host ?? '127.0.0.1';
  const drives = new Map<string, Drive>();
  const throttle = new ForcedThrottle();
  const log = new RequestLog();
  const configuredSitesSelected = (options.sitesSelectedApps ?? []).map((id) => id.toLowerCase());
  const sitesSelectedApps = new Set(configuredSitesSelected);
  const reset = async (seed = true): Promise<void> => {
    const drive = seed ? await seedSampleDrive(options.seedNow) : undefined;
    drives.clear();
    sitesSelectedApps.clear();
    for (const id of configuredSitesSelected) sitesSelectedApps.add(id);
    if (drive) drives.set(drive.id, drive);
    throttle.set(undefined);
    log.clear();
  };
  await reset(options.seed !== 'empty');
  const api: GraphApiDeps = {
    drives,
    verify: createBearerVerifier(options.auth, graphAudiences),
    sitesSelectedApps,
    downloads: new DownloadLinks(options.downloadUrlLifetimeMs),
    throttle,
    log,
  };
  const listener = (secure: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `${secure ? 'https' : 'http'}://${req.headers.host ?? host}`);
    const work = url.pathname.startsWith('/_emulator/')
      ? handleControl(req, res, url, { drives, throttle, log, sitesSelectedApps, reset })
      : url.pathname === downloadPath
        ? Promise.resolve(handleDownload(res, url, api))
        : url.pathname.startsWith('/v1.0/')
          ? handleGraphApi(req, res, url, api)
          : Promise.resolve(
              send(res, 404, { error: { code: 'BadRequest', message: `Invalid version: ${url.pathname.split('/')[1] ?? ''}` } }),
            );
    work.catch((error: unknown) => {
      console.error('[graph-emulator]', error);
      if (!res.headersSent) send(res, 500, { error: { code: 'generalException', message: String(error) } });
    });
  };
  const servers: Server[] = [createServer(listener(false))];
  if (options.tls) servers.push(createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener(true)));
  const [port, httpsPort] = await Promise.all(
    servers.map(
      (server, index) =>
        new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen(index === 0 ? options.port : (options.httpsPort ?? 0), host, () => resolve((server.address() as AddressInfo).port));
        }),
    ),
  );
  return {
    url: `http://${host}:${port}`,
    ...(httpsPort ? { httpsUrl: `https://localhost:${httpsPort}` } : {}),
    drives,
    requestLog: log,
    throttle,
    reset,
    stop: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
