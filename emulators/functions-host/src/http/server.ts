import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleAdmin, type AdminContext } from '../admin/admin-api';
import type { Invoker } from '../core/retry';
import { hostLog } from '../log/logger';
import { applyCorsHeaders, handlePreflight, type CorsOptions } from './cors';
import { invokeHttpFunction } from './invoke-http';
import { absoluteUrl } from './request';
import { writeEmpty } from './response';
import type { RouteTable } from './route-table';

/** Everything the HTTP front door dispatches to. */
export interface HttpServerOptions {
  routes: () => RouteTable;
  admin: AdminContext;
  invoker: Invoker;
  cors?: CorsOptions;
  /** Streaming proxy URI announced by the library, when the app enabled HTTP streaming. */
  streamUri: () => string | undefined;
  /** `host:port` used when a request has no usable Host header. */
  listenAddress: () => string;
}

const HOMEPAGE = `<!DOCTYPE html><html><head><title>Your Functions 4.0 app is up and running</title></head>
<body><h1>Your Functions 4.0 app is up and running</h1><p>Planboard local Functions host (emulator of the Azure Functions host).</p></body></html>`;

function homepage(res: ServerResponse): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(HOMEPAGE);
}

async function dispatch(options: HttpServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = absoluteUrl(req, options.listenAddress());
  const path = url.pathname;
  if (await handleAdmin(options.admin, req, res, path)) return;
  if (options.admin.state() !== 'Running') return writeEmpty(res, 503);
  if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) return homepage(res);
  const routes = options.routes();
  if (handlePreflight(options.cors, req, res, routes.methodsFor(path))) return;
  applyCorsHeaders(options.cors, req, res);
  const match = routes.find(req.method ?? 'GET', path);
  if (!match) return writeEmpty(res, 404);
  await invokeHttpFunction({
    fn: match.entry.function,
    req,
    res,
    url,
    params: match.params,
    invoker: options.invoker,
    streamUri: options.streamUri(),
    extraHeaders: {},
  });
}

/**
 * The host's HTTP listener: admin API, homepage, CORS preflight, then the function routes.
 * Anything unexpected becomes an empty 500 rather than a dropped connection.
 */
export function createHostServer(options: HttpServerOptions): Server {
  const server = createServer((req, res) => {
    dispatch(options, req, res).catch((error: Error) => {
      hostLog('error', `Unhandled error serving ${req.method} ${req.url}: ${error.stack ?? error.message}`);
      writeEmpty(res, 500);
    });
  });
  // Requests may legitimately be slow (long-running functions); Azure's front end allows 230 s.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  return server;
}
