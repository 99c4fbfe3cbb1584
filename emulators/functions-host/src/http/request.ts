import type { IncomingMessage } from 'node:http';
import type { RpcHttpData, RpcTypedData } from '../core/types';

/** Azure's request size cap (`maxRequestBodySize` default, 100 MB). */
export const MAX_BODY_BYTES = 100 * 1024 * 1024;

/** Thrown when a request body is larger than {@link MAX_BODY_BYTES}. */
export class BodyTooLargeError extends Error {}

/** Reads the whole request body; the non-streaming programming model works on buffered bodies. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`Request body exceeds ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Request headers as one string per name (repeated headers joined the way Node and ASP.NET do). */
export function headerRecord(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Query values per name; repeated keys are comma-joined like ASP.NET's StringValues.ToString(). */
export function queryRecord(search: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of new Set(search.keys())) query[key] = search.getAll(key).join(',');
  return query;
}

/** The absolute request URL as the function sees it (`http://host:port/api/...?...`). */
export function absoluteUrl(req: IncomingMessage, fallbackHost: string): URL {
  const host = typeof req.headers.host === 'string' && req.headers.host ? req.headers.host : fallbackHost;
  try {
    return new URL(req.url ?? '/', `http://${host}`);
  } catch {
    // A malformed Host header must not become a 500 in the function: use the listening address.
    return new URL(req.url ?? '/', `http://${fallbackHost}`);
  }
}

/**
 * Builds the RpcHttpData the host sends to the worker for an HTTP trigger. The body goes as raw
 * bytes (the worker's RawHttpBodyBytes capability), so binary and text arrive unchanged; GET and
 * HEAD bodies are dropped as the library would.
 */
export function toRpcHttpRequest(req: IncomingMessage, url: URL, body: Buffer, params: Record<string, string>): RpcHttpData {
  const method = (req.method ?? 'GET').toUpperCase();
  const http: RpcHttpData = { method, url: url.toString(), headers: headerRecord(req), query: queryRecord(url.searchParams), params };
  if (body.length > 0 && method !== 'GET' && method !== 'HEAD') http.body = { bytes: body };
  return http;
}

/** Trigger metadata the host adds for HTTP (headers, query and route values); used by streaming mode. */
export function httpTriggerMetadata(http: RpcHttpData): Record<string, RpcTypedData> {
  const metadata: Record<string, RpcTypedData> = {
    Headers: { json: JSON.stringify(http.headers ?? {}) },
    Query: { json: JSON.stringify(http.query ?? {}) },
  };
  for (const [name, value] of Object.entries(http.params ?? {})) metadata[name] = { string: value };
  return metadata;
}
