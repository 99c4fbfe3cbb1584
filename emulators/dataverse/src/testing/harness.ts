import { readFileSync } from 'node:fs';
import { identityFromEnv, spawnIdentityProvider, type IdentityEmulatorClient } from '@planboard/identity/testing';
import { startDataverseEmulator, type DataverseEmulatorOptions, type RunningDataverseEmulator } from '../start';

/** The local identity provider's Planboard API client (the default application user). */
export const apiClientId = '10ca1a00-0000-4000-8000-000000000001';

/** A response as tests look at it. */
export interface TestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON bodies by path
  body: any;
}

/** The emulator trusting a real identity provider (its own process), with HTTP helpers. */
export interface DataverseTest {
  emulator: RunningDataverseEmulator;
  identity: IdentityEmulatorClient;
  /** An app-only token of the API client for the environment (client credentials). */
  appToken(): Promise<string>;
  /** `GET` of a Web API path (`pb_stores?$select=…`) or an absolute URL (`@odata.nextLink`). */
  get(pathOrUrl: string, options?: { token?: string; prefer?: string }): Promise<TestResponse>;
  control(method: string, path: string, body?: unknown): Promise<TestResponse>;
  stop(): Promise<void>;
}

async function read(response: Response): Promise<TestResponse> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The local identity provider of the jest run (global setup), or one started for this suite. */
async function testIdentity(): Promise<{
  client: IdentityEmulatorClient;
  jwksUri: string;
  issuers: string[];
  ca: string;
  stop(): Promise<void>;
}> {
  if (process.env.PLANBOARD_IDENTITY_URL) {
    const client = identityFromEnv();
    const { urls, caCertPath } = await client.config();
    return {
      client,
      jwksUri: urls.jwksUri,
      issuers: [urls.issuers.v1, urls.issuers.v2],
      ca: readFileSync(caCertPath, 'utf8'),
      stop: async () => undefined,
    };
  }
  const idp = await spawnIdentityProvider();
  return { client: idp.client, jwksUri: idp.urls.jwksUri, issuers: [idp.urls.issuers.v1, idp.urls.issuers.v2], ca: idp.ca, stop: idp.stop };
}

/** Starts an emulator that trusts the local identity provider. */
export async function startDataverseTest(options: Partial<DataverseEmulatorOptions> = {}): Promise<DataverseTest> {
  const idp = await testIdentity();
  const emulator = await startDataverseEmulator({
    port: 0,
    auth: { jwksUri: idp.jwksUri, issuers: idp.issuers, ca: idp.ca },
    ...options,
  });
  let cached: string | undefined;
  const appToken = async () => (cached ??= await idp.client.appToken(apiClientId, { resource: emulator.environmentUrl }));
  return {
    emulator,
    identity: idp.client,
    appToken,
    get: async (pathOrUrl, { token, prefer } = {}) => {
      const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${emulator.url}/api/data/v9.2/${pathOrUrl}`;
      const headers: Record<string, string> = { Accept: 'application/json', 'OData-Version': '4.0', 'OData-MaxVersion': '4.0' };
      const bearer = token ?? (await appToken());
      if (bearer) headers.Authorization = `Bearer ${bearer}`;
      if (prefer) headers.Prefer = prefer;
      return read(await fetch(url, { headers }));
    },
    control: async (method, path, body) =>
      read(
        await fetch(`${emulator.url}/_emulator/${path}`, {
          method,
          ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
        }),
      ),
    stop: async () => {
      await emulator.stop();
      await idp.stop();
    },
  };
}
