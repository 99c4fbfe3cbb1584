import type { IncomingMessage, ServerResponse } from 'node:http';

/** CORS as `func start --cors` / local.settings.json `Host.CORS` configure it (off by default, like Azure). */
export interface CorsOptions {
  origins: string[];
  credentials: boolean;
}

/** Parses a comma-separated origin list (`*` allowed); empty means CORS is off. */
export function parseCors(origins: string | undefined, credentials = false): CorsOptions | undefined {
  const list = (origins ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return list.length > 0 ? { origins: list, credentials } : undefined;
}

function allowedOrigin(cors: CorsOptions, req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return undefined;
  if (cors.origins.includes('*')) return cors.credentials ? origin : '*';
  return cors.origins.some((allowed) => allowed.toLowerCase() === origin.toLowerCase()) ? origin : undefined;
}

/** Adds Access-Control-Allow-Origin (and credentials) to a response for an allowed Origin. */
export function applyCorsHeaders(cors: CorsOptions | undefined, req: IncomingMessage, res: ServerResponse): void {
  if (!cors) return;
  const origin = allowedOrigin(cors, req);
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  if (origin !== '*') res.setHeader('Vary', 'Origin');
  if (cors.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
}

/**
 * Answers a CORS preflight for a known route (the platform does this on Azure before the function
 * sees the request). Returns false when the request is not a preflight this host should answer.
 */
export function handlePreflight(
  cors: CorsOptions | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  routeMethods: string[] | undefined,
): boolean {
  const requested = req.headers['access-control-request-method'];
  if (!cors || req.method !== 'OPTIONS' || typeof requested !== 'string' || !routeMethods) return false;
  const origin = allowedOrigin(cors, req);
  if (!origin || !routeMethods.includes(requested.toUpperCase())) return false;
  applyCorsHeaders(cors, req, res);
  res.setHeader('Access-Control-Allow-Methods', routeMethods.join(','));
  const requestedHeaders = req.headers['access-control-request-headers'];
  if (typeof requestedHeaders === 'string') res.setHeader('Access-Control-Allow-Headers', requestedHeaders);
  res.statusCode = 204;
  res.end();
  return true;
}
