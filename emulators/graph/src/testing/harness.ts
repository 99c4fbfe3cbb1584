import { readFileSync } from 'node:fs';
import { identityFromEnv, spawnIdentityProvider, type IdentityEmulatorClient } from '@planboard/identity/testing';
import { sampleDrive } from '../seed/sample-drive';
import { startGraphEmulator, type GraphEmulatorOptions, type RunningGraphEmulator } from '../start';

/** The local identity provider's Planboard API client (Files.Read.All on Graph by default). */
export const apiClientId = '10ca1a00-0000-4000-8000-000000000001';

/** A response as tests look at it. */
export interface TestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON bodies by path
  body: any;
}

/** The emulator trusting a real identity provider, with HTTP helpers. */
export interface GraphTest {
  emulator: RunningGraphEmulator;
  identity: IdentityEmulatorClient;
  /** `/v1.0/drives/<sample drive id>` on the emulator. */
  drive: string;
  /** An app-only Graph token of the API client (client credentials). */
  appToken(): Promise<string>;
  /** `GET` of a path below `/v1.0/` or an absolute URL (`@odata.nextLink`); redirects are not followed. */
  get(pathOrUrl: string, options?: { token?: string; headers?: Record<string, string> }): Promise<TestResponse>;
  control(method: string, path: string, body?: unknown, contentType?: string): Promise<TestResponse>;
  stop(): Promise<void>;
}

async function read(response: Response): Promise<TestResponse> {
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, headers: response.headers, body: text && json ? (JSON.parse(text) as unknown) : text };
}

/** The identity provider of the jest run (global setup), or one started for this suite (`args` always start one). */
export async function testIdentity(args?: string[]) {
  if (process.env.PLANBOARD_IDENTITY_URL && !args) {
    const client = identityFromEnv();
    const { urls, caCertPath } = await client.config();
    return {
      client,
      auth: { jwksUri: urls.jwksUri, issuers: [urls.issuers.v1, urls.issuers.v2], ca: readFileSync(caCertPath, 'utf8') },
      stop: async () => undefined,
    };
  }
  const idp = await spawnIdentityProvider({ args: args ?? [] });
  return {
    client: idp.client,
    auth: { jwksUri: idp.urls.jwksUri, issuers: [idp.urls.issuers.v1, idp.urls.issuers.v2], ca: idp.ca },
    stop: idp.stop,
  };
}

/** Starts a seeded emulator that trusts the local identity provider. */
export async function startGraphTest(options: Partial<GraphEmulatorOptions> = {}, identityArgs?: string[]): Promise<GraphTest> {
  const idp = await testIdentity(identityArgs);
  const emulator = await startGraphEmulator({ port: 0, auth: idp.auth, ...options });
  let cached: string | undefined;
  const appToken = async () => (cached ??= await idp.client.appToken(apiClientId, { resource: 'https://graph.microsoft.com' }));
  return {
    emulator,
    identity: idp.client,
    drive: `drives/${sampleDrive.id}`,
    appToken,
    get: async (pathOrUrl, { token, headers = {} } = {}) => {
      const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${emulator.url}/v1.0/${pathOrUrl}`;
      const bearer = token ?? (await appToken());
      return read(
        await fetch(url, { redirect: 'manual', headers: { ...headers, ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) } }),
      );
    },
    control: async (method, path, body, contentType = 'application/json') =>
      read(
        await fetch(`${emulator.url}/_emulator/${path}`, {
          method,
          ...(body === undefined
            ? {}
            : { body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body), headers: { 'Content-Type': contentType } }),
        }),
      ),
    stop: async () => {
      await emulator.stop();
      await idp.stop();
    },
  };
}

/** Follows `@odata.nextLink` until a page has none; returns the items and the last page's body. */
export async function followPages(t: GraphTest, first: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- driveItem JSON
  const items: any[] = [];
  let next: string | undefined = first;
  let pages = 0;
  let last: TestResponse | undefined;
  while (next) {
    last = await t.get(next);
    if (last.status !== 200) throw new Error(`${next} answered ${last.status}: ${JSON.stringify(last.body)}`);
    items.push(...last.body.value);
    next = last.body['@odata.nextLink'];
    pages += 1;
  }
  return { items, pages, last: last?.body };
}
