/**
 * Test helpers for other suites. Nothing here loads oidc-provider: the provider runs in its own
 * process (the stack's, or one from {@link spawnIdentityProvider}) and is reached over HTTP(S).
 *
 * ```ts
 * const idp = await spawnIdentityProvider();
 * const token = await idp.client.userToken('nora.lindqvist@contoso.onmicrosoft.com', { version: 'v1' });
 * const pbi = await idp.client.appToken(); // Power BI service principal, client credentials
 * await idp.stop();
 * ```
 *
 * Or, with `PLANBOARD_IDENTITY_URL` set (e.g. the stack's browser origin), `userToken(...)` / `appToken(...)`.
 */
import { readFileSync } from 'node:fs';
import { IdentityEmulatorClient, type AppTokenOptions, type UserTokenOptions } from './testing/client';

export { IdentityEmulatorClient, type AppTokenOptions, type UserTokenOptions } from './testing/client';
export { signInWithCodeFlow, type SignInOptions, type SignInResult } from './testing/code-flow';
export { CookieJar } from './testing/cookie-jar';
export { spawnIdentityProvider, identityCliPath, type SpawnedIdentityProvider, type SpawnIdentityOptions } from './testing/spawn';
export { caFetch, type CaFetch } from './ca-fetch';
export type { EmulatorConfig, IdentityProviderUrls, TenantEndpoints } from './urls';
export type { MintRequest, MintResponse } from './provider/mint';

let shared: IdentityEmulatorClient | undefined;

/**
 * The client for `PLANBOARD_IDENTITY_URL` (any origin of a running provider). For an `https:`
 * URL the CA is read from `PLANBOARD_IDENTITY_CA` or `NODE_EXTRA_CA_CERTS`.
 */
export function identityFromEnv(env: NodeJS.ProcessEnv = process.env): IdentityEmulatorClient {
  const url = env.PLANBOARD_IDENTITY_URL;
  if (!url) throw new Error('PLANBOARD_IDENTITY_URL is not set: start the stack, or use spawnIdentityProvider()');
  if (shared?.baseUrl === url) return shared;
  const caPath = env.PLANBOARD_IDENTITY_CA ?? env.NODE_EXTRA_CA_CERTS;
  shared = new IdentityEmulatorClient(url, url.startsWith('https:') && caPath ? readFileSync(caPath, 'utf8') : undefined);
  return shared;
}

/** A token for a sample user (UPN or object id) from the provider at `PLANBOARD_IDENTITY_URL`. */
export function userToken(upnOrOid: string, options: UserTokenOptions = {}): Promise<string> {
  return identityFromEnv().userToken(upnOrOid, options);
}

/** An app-only token (client credentials) for `clientId` (default: the Power BI service principal). */
export function appToken(clientId?: string, options: AppTokenOptions = {}): Promise<string> {
  return identityFromEnv().appToken(clientId, options);
}
