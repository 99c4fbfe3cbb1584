import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a pre-authenticated download URL grants: one item of one drive, until `expires` (epoch ms). */
export interface DownloadGrant {
  driveId: string;
  itemId: string;
  expires: number;
}

/** The path download URLs live under, as SharePoint's do. */
export const downloadPath = '/_layouts/15/download.aspx';

/**
 * Pre-authenticated download URLs (`@microsoft.graph.downloadUrl`, the 302 `Location` of
 * `/content`): the URL carries a signed, short-lived `tempauth`, so it needs no bearer token.
 */
export class DownloadLinks {
  private readonly secret = randomBytes(32);

  constructor(private readonly lifetimeMs = 60 * 60_000) {}

  private signature(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest();
  }

  url(origin: string, uniqueId: string, grant: Omit<DownloadGrant, 'expires'>, now = Date.now()): string {
    const payload = Buffer.from(JSON.stringify({ ...grant, expires: now + this.lifetimeMs })).toString('base64url');
    const tempauth = `${payload}.${this.signature(payload).toString('base64url')}`;
    return `${origin}${downloadPath}?UniqueId=${uniqueId}&tempauth=${tempauth}`;
  }

  /** The grant of a `tempauth`, or undefined when forged or expired. */
  verify(tempauth: string | null, now = Date.now()): DownloadGrant | undefined {
    const [payload, signature] = (tempauth ?? '').split('.');
    if (!payload || !signature) return undefined;
    const expected = this.signature(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as DownloadGrant;
    return grant.expires > now ? grant : undefined;
  }
}
