/**
 * Minimal API client: every call goes to relative `/api/...` (proxied to the Functions host
 * locally), and the error envelope `{ error: { code, message, details? } }` becomes an `ApiError`.
 * Auth seam: the auth module calls `setTokenProvider()` (the client then sends the bearer token) and
 * `setUnauthorizedHandler()`: on a 401 the handler may renew the token, and the request is retried once.
 * A 403 `ConsentRequired` goes to the handler of `setConsentHandler()` (./consent): consent, then one retry.
 */
import { withConsent } from './consent';
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the request never got a response (network failure). */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
  }
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export type TokenProvider = () => Promise<string | null | undefined>;

let tokenProvider: TokenProvider | null = null;

/** Installs (or removes, with null) the function that supplies the bearer token for API calls. */
export function setTokenProvider(provider: TokenProvider | null): void {
  tokenProvider = provider;
}

/** What the 401 handler is told; `final` is set when the retry with a renewed token failed too. */
export interface UnauthorizedInfo {
  /** The token the API refused (null when none was sent). */
  token: string | null;
  error: ApiError;
  final: boolean;
}

/** Resolves true when a renewed token is available and the request should be retried. */
export type UnauthorizedHandler = (info: UnauthorizedInfo) => Promise<boolean>;

let unauthorizedHandler: UnauthorizedHandler | null = null;

/** Installs (or removes) the function consulted when the API answers 401. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

let baseUrl = '';

/** Prefix for deployments where the API is not same-origin (`VITE_API_BASE_URL`); empty locally. */
export function setApiBaseUrl(url: string | undefined): void {
  baseUrl = (url ?? '').replace(/\/$/, '');
}

export function apiUrl(path: string, query?: Record<string, string | number | boolean | undefined>): string {
  const p = path.startsWith('/api/') || path === '/api' ? path : `/api/${path.replace(/^\//, '')}`;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) qs.set(k, String(v));
  const q = qs.toString();
  return `${baseUrl}${p}${q ? `?${q}` : ''}`;
}

export interface RequestOptions<T> {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Validates/transforms the JSON body, e.g. a zod schema's `parse` from @planboard/contracts. */
  parse?: (data: unknown) => T;
  /** Injectable for tests. */
  fetchImpl?: typeof fetch;
}

function isEnvelope(value: unknown): value is { error: ApiErrorBody } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const e = (value as { error: unknown }).error;
  return (
    typeof e === 'object' && e !== null && typeof (e as ApiErrorBody).code === 'string' && typeof (e as ApiErrorBody).message === 'string'
  );
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export function apiRequest<T = unknown>(method: string, path: string, options: RequestOptions<T> = {}): Promise<T> {
  return withConsent(() => withRenewal(method, path, options));
}

/** One request, retried once after the 401 handler renewed the token. */
async function withRenewal<T>(method: string, path: string, options: RequestOptions<T>): Promise<T> {
  try {
    return await send(method, path, options);
  } catch (err) {
    if (!(err instanceof UnauthorizedError) || !unauthorizedHandler) throw unwrap(err);
    if (!(await unauthorizedHandler({ token: err.token, error: err.apiError, final: false }))) throw err.apiError;
  }
  try {
    return await send(method, path, options);
  } catch (err) {
    if (err instanceof UnauthorizedError) await unauthorizedHandler?.({ token: err.token, error: err.apiError, final: true });
    throw unwrap(err);
  }
}

/** Internal: a 401, carrying the token that was refused. */
class UnauthorizedError extends Error {
  constructor(
    readonly apiError: ApiError,
    readonly token: string | null,
  ) {
    super(apiError.message);
  }
}

const unwrap = (err: unknown) => (err instanceof UnauthorizedError ? err.apiError : err);

async function send<T>(method: string, path: string, options: RequestOptions<T>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const token = (tokenProvider ? await tokenProvider() : null) ?? null;
  if (token) headers.authorization = `Bearer ${token}`;

  const doFetch = options.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await doFetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', "Can't reach the Planboard API", { cause: String(err) });
  }

  const requestId = res.headers.get('x-request-id') ?? res.headers.get('x-ms-request-id') ?? undefined;
  const body = await readBody(res);
  if (!res.ok) {
    let error: ApiError;
    if (isEnvelope(body)) error = new ApiError(res.status, body.error.code, body.error.message, body.error.details, requestId);
    else {
      const message =
        res.status >= 502 && res.status <= 504
          ? "Can't reach the Planboard API"
          : `Request failed (${res.status}${res.statusText ? ` ${res.statusText}` : ''})`;
      error = new ApiError(res.status, `http_${res.status}`, message, undefined, requestId);
    }
    throw res.status === 401 ? new UnauthorizedError(error, token) : error;
  }
  if (!options.parse) return body as T;
  try {
    return options.parse(body);
  } catch (err) {
    throw new ApiError(res.status, 'invalid_response', 'The API returned an unexpected response', { cause: String(err) }, requestId);
  }
}

type Opts<T> = Omit<RequestOptions<T>, 'body'>;
export const api = {
  get: <T = unknown>(path: string, o?: Opts<T>) => apiRequest<T>('GET', path, o),
  post: <T = unknown>(path: string, body?: unknown, o?: Opts<T>) => apiRequest<T>('POST', path, { ...o, body }),
  put: <T = unknown>(path: string, body?: unknown, o?: Opts<T>) => apiRequest<T>('PUT', path, { ...o, body }),
  patch: <T = unknown>(path: string, body?: unknown, o?: Opts<T>) => apiRequest<T>('PATCH', path, { ...o, body }),
  delete: <T = unknown>(path: string, o?: Opts<T>) => apiRequest<T>('DELETE', path, o),
};
