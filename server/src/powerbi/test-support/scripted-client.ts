import { StaticTokenSource } from '../auth';
import { createPowerBiClient, type PowerBiClient } from '../client';
import { startScriptServer, type Recorded, type Scripted, type ScriptServer } from './script-server';

/** Ids used by the request-shape tests. */
export const ids = {
  g: '11111111-1111-4111-8111-111111111111',
  d: '22222222-2222-4222-8222-222222222222',
  r: '33333333-3333-4333-8333-333333333333',
  base: '/v1.0/myorg',
} as const;

/** A client wired to a scripted server for one test file. */
export interface ScriptedClient {
  readonly client: PowerBiClient;
  readonly server: ScriptServer;
  /** Sets how the server answers until the next test (default: 200, empty). */
  answer(route: (request: Recorded) => Scripted): void;
  /** The latest request the server received. */
  last(): Recorded;
}

/** Registers the jest hooks that start the server and client once per file and reset between tests. */
export function useScriptedClient(): ScriptedClient {
  let server: ScriptServer | undefined;
  let client: PowerBiClient | undefined;
  let route: (request: Recorded) => Scripted = () => ({ status: 200 });
  beforeAll(async () => {
    server = await startScriptServer((request) => route(request));
    client = createPowerBiClient({ baseUrl: server.baseUrl, tokenSource: new StaticTokenSource('sp-token', 'app:sp') });
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server?.requests.splice(0);
    route = () => ({ status: 200 });
  });
  return {
    get client() {
      return client!;
    },
    get server() {
      return server!;
    },
    answer: (next) => (route = next),
    last: () => server!.requests[server!.requests.length - 1]!,
  };
}
