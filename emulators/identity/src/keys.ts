import { createHash, createPrivateKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { withDirectoryLock, writeFileAtomic } from './files';

/** An RSA private key as a JWK, with the `kid` the provider publishes it under. */
export interface SigningJwk extends JsonWebKey {
  kty: 'RSA';
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

const fileName = 'identity-signing-key.json';

/** RFC 7638 thumbprint, shortened: stable for a key, so tokens name the key that signed them. */
function thumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 27);
}

function isSigningJwk(value: unknown): value is SigningJwk {
  const jwk = value as Partial<SigningJwk> | null;
  if (!jwk || jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || typeof jwk.d !== 'string') return false;
  try {
    createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the provider's RS256 signing key from `dir`, creating it on first use. The key is kept
 * (next to the local certificates) so tokens a browser or a test holds stay verifiable after the
 * stack restarts, as Entra's keys outlive any one sign-in.
 */
export async function ensureSigningKey(dir: string): Promise<SigningJwk> {
  const path = join(resolve(dir), fileName);
  return withDirectoryLock(resolve(dir), async () => {
    const existing = await readFile(path, 'utf8').then(
      (text) => JSON.parse(text) as unknown,
      () => undefined,
    );
    if (isSigningJwk(existing)) return existing;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' });
    const signing: SigningJwk = { ...jwk, kty: 'RSA', kid: thumbprint(jwk), alg: 'RS256', use: 'sig' };
    await writeFileAtomic(path, `${JSON.stringify(signing, null, 2)}\n`, 0o600);
    return signing;
  });
}
