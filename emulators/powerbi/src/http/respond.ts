import type { ServerResponse } from 'node:http';

/** Headers browsers may read cross-origin (the embed page and SPAs call the API directly). */
const exposed = 'RequestId, Retry-After, Location, x-ms-request-id';

/** CORS headers on every API response. */
export function corsHeaders(): Record<string, string> {
  return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': exposed };
}

/** Answers a CORS preflight. */
export function preflight(res: ServerResponse): void {
  res.writeHead(204, {
    ...corsHeaders(),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Max-Age': '600',
  });
  res.end();
}

/** Writes a JSON (or empty) response. */
export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(payload ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}
