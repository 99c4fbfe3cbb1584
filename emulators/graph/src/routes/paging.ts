import { invalidRequest } from '../http/errors';

/** Graph's default page size for children and delta when `$top` is absent. */
export const defaultPageSize = 200;

/** The largest `$top` the emulator accepts (OneDrive documents no fixed maximum; 1000 keeps pages bounded). */
export const maxPageSize = 1000;

/** Reads `$top` (400 invalidRequest when it is not a positive integer). */
export function pageSizeOf(params: URLSearchParams): number {
  const raw = params.get('$top');
  if (raw === null) return defaultPageSize;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) throw invalidRequest(`Invalid page size specified: '${raw}'.`);
  return Math.min(size, maxPageSize);
}

/** Reads `$select` as a list of property names. */
export function selectOf(params: URLSearchParams): string[] | undefined {
  const raw = params.get('$select');
  return raw === null
    ? undefined
    : raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}

/** Opaque tokens (`$skiptoken`, delta `token`): base64url JSON, 400 when they do not decode. */
export function encodeToken(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeToken<T>(token: string, check: (value: unknown) => value is T): T {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (check(value)) return value;
  } catch {
    // fall through to the refusal
  }
  throw invalidRequest('The provided token is not valid.');
}

/** The same URL with some query parameters replaced (nextLink / deltaLink keep `$top` and `$select`). */
export function linkWith(url: URL, origin: string, pathname: string, replace: Record<string, string>, drop: string[] = []): string {
  const next = new URL(`${origin}${pathname}`);
  for (const [key, value] of url.searchParams) if (!(key in replace) && !drop.includes(key)) next.searchParams.append(key, value);
  for (const [key, value] of Object.entries(replace)) next.searchParams.set(key, value);
  return next.toString();
}
