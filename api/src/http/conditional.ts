import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

const gzipAsync = promisify(gzip);

/** Bodies smaller than this go out as they are: compressing them costs more than it saves. */
const compressFrom = 8 * 1024;

/**
 * Compressed bodies by ETag, shared by every request for the same representation in this host:
 * a burst of opens of one plan version costs one gzip, not one per request (an 8 MB plan takes
 * ~100 ms of CPU to compress). Bounded (a few plans' worth, ~1 MB each); a cache, never a source
 * of truth: the ETag is computed from the content of every response.
 */
const gzipCacheEntries = 6;
const gzipCache = new Map<string, Promise<Buffer>>();

function sharedGzip(etag: string, text: string): Promise<Buffer> {
  const hit = gzipCache.get(etag);
  if (hit) {
    gzipCache.delete(etag);
    gzipCache.set(etag, hit);
    return hit;
  }
  // Level 1: most of the size win for a fraction of the CPU of the default level.
  const compressed = gzipAsync(Buffer.from(text, 'utf8'), { level: 1 });
  compressed.catch(() => gzipCache.delete(etag));
  gzipCache.set(etag, compressed);
  for (const oldest of gzipCache.keys()) {
    if (gzipCache.size <= gzipCacheEntries) break;
    gzipCache.delete(oldest);
  }
  return compressed;
}

/** A weak validator of `text`: equal for representations that mean the same (a read's cursor may differ). */
export function etagOf(text: string): string {
  return `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}

/** Whether `If-None-Match` names this ETag (or `*`); weak comparison, as RFC 9110 says for GET. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === opaque;
  });
}

/**
 * A large JSON read as a revalidatable response: `ETag` of `validator` (the body, or the part of it
 * that matters: a grid's delta cursor moves with every read while the plan does not), `304` when the client already
 * has it (`If-None-Match`), gzip when it accepts that; `private, no-cache` so a browser keeps the copy
 * and revalidates it on every load (a reload of an unchanged 8 MB plan is then a few hundred bytes).
 */
export async function revalidatableJson(request: HttpRequest, text: string, validator = text): Promise<HttpResponseInit> {
  const etag = etagOf(validator);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': 'private, no-cache',
    Vary: 'Accept-Encoding, Authorization',
    'Access-Control-Expose-Headers': 'ETag',
  };
  if (matches(request.headers.get('if-none-match'), etag)) return { status: 304, headers };
  const accepts = /\bgzip\b/i.test(request.headers.get('accept-encoding') ?? '');
  if (!accepts || text.length < compressFrom) {
    return { status: 200, body: text, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } };
  }
  const body = await sharedGzip(etag, text);
  return { status: 200, body, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Encoding': 'gzip' } };
}
