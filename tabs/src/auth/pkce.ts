/** PKCE and JWT helpers on WebCrypto (browsers and Node 20 alike). */

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** A random string of RFC 7636 "unreserved" characters (64 by default, within PKCE's 43–128). */
export function randomString(length = 64): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  // 66 symbols: reject bytes >= 198 (3 × 66) so every symbol is equally likely.
  let out = '';
  for (const byte of bytes) if (byte < 198) out += UNRESERVED[byte % UNRESERVED.length];
  return out.length >= length ? out.slice(0, length) : out + randomString(length - out.length);
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `code_challenge` for `code_challenge_method=S256`: base64url(SHA-256(verifier)). */
export async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64UrlEncode(new Uint8Array(digest));
}

/** The claims of a JWT, unverified (the token came straight from the token endpoint or Teams). */
export function decodeJwt(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('Not a JWT');
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const claims = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  if (!claims || typeof claims !== 'object') throw new Error('JWT payload is not an object');
  return claims as Record<string, unknown>;
}
