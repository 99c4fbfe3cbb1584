import type { ServerResponse } from 'node:http';
import type { RpcHttpCookie, RpcHttpData, RpcTypedData } from '../core/types';

// Connection-level headers are the server's business, not the function's (Kestrel drops them too).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
  'content-length',
]);

// Uri.EscapeDataString, which ASP.NET Core applies to cookie values in Response.Cookies.Append.
const escapeCookieValue = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

// 'none' in the RPC enum means "not set"; 'explicitNone' is SameSite=None.
const SAME_SITE: Record<string, string | undefined> = { lax: 'lax', strict: 'strict', explicitNone: 'none' };

/** Serialises a cookie returned by the function into a Set-Cookie value, in ASP.NET Core's format. */
export function serializeCookie(cookie: RpcHttpCookie): string {
  const parts = [`${cookie.name ?? ''}=${escapeCookieValue(cookie.value ?? '')}`];
  const expires = cookie.expires?.value?.seconds;
  if (expires !== undefined && expires !== null) parts.push(`expires=${new Date(Number(expires) * 1000).toUTCString()}`);
  const maxAge = cookie.maxAge?.value;
  if (maxAge !== undefined && maxAge !== null) parts.push(`max-age=${Math.floor(maxAge)}`);
  if (cookie.domain?.value) parts.push(`domain=${cookie.domain.value}`);
  // CookieOptions.Path defaults to "/" in ASP.NET Core.
  parts.push(`path=${cookie.path?.value || '/'}`);
  if (cookie.secure?.value) parts.push('secure');
  const sameSite = SAME_SITE[cookie.sameSite ?? 'none'];
  if (sameSite) parts.push(`samesite=${sameSite}`);
  if (cookie.httpOnly?.value) parts.push('httponly');
  return parts.join('; ');
}

/** Bytes of a typed value as an HTTP body. */
export function typedDataToBuffer(data: RpcTypedData | null | undefined): Buffer {
  if (!data) return Buffer.alloc(0);
  if (data.bytes) return Buffer.from(data.bytes);
  if (data.stream) return Buffer.from(data.stream);
  if (typeof data.string === 'string') return Buffer.from(data.string, 'utf8');
  if (typeof data.json === 'string') return Buffer.from(data.json, 'utf8');
  if (typeof data.int === 'number' || typeof data.double === 'number') return Buffer.from(String(data.int ?? data.double));
  return Buffer.alloc(0);
}

/** Writes the function's HTTP output (status, headers, cookies, body) to the client. */
export function writeRpcHttpResponse(res: ServerResponse, http: RpcHttpData, extraHeaders: Record<string, string> = {}): void {
  const status = Number.parseInt(http.statusCode ?? '200', 10);
  res.statusCode = Number.isInteger(status) && status >= 100 && status <= 999 ? status : 500;
  for (const [name, value] of Object.entries(http.headers ?? {})) {
    if (!HOP_BY_HOP.has(name.toLowerCase())) res.setHeader(name, value);
  }
  const cookies = (http.cookies ?? []).map(serializeCookie);
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  const body = typedDataToBuffer(http.body);
  const bodyless = res.statusCode === 204 || res.statusCode === 304 || (res.statusCode >= 100 && res.statusCode < 200);
  if (!bodyless) res.setHeader('Content-Length', body.length);
  res.end(bodyless ? undefined : body);
}

/** An empty response (404, 500, …), as the Functions host sends them. */
export function writeEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', 0);
  res.end();
}
