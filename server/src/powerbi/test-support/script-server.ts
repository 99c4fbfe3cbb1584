import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the test server saw it. */
export interface Recorded {
  method: string;
  /** Path and query as sent (`/v1.0/myorg/groups?$top=2`). */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** `Date.now()` when the request's headers arrived. */
  arrivedAt: number;
  /** `Date.now()` when the response was written (set later). */
  respondedAt?: number;
}

/** What to answer; `delayMs` holds the response, `hang` never answers. */
export interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  hang?: boolean;
}

/** Decides the response for the `index`-th request (0-based). */
export type Script = (request: Recorded, index: number) => Scripted | Promise<Scripted>;

/** A running scripted server. */
export interface ScriptServer {
  /** `http://127.0.0.1:<port>/v1.0/myorg`. */
  baseUrl: string;
  requests: Recorded[];
  /** Highest number of requests being handled at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

/** Starts a `node:http` server on a free loopback port that answers per `script` and records everything. */
export async function startScriptServer(script: Script): Promise<ScriptServer> {
  const state = { requests: [] as Recorded[], maxInFlight: 0, inFlight: 0 };
  const server = createServer((req, res) => {
    const arrivedAt = Date.now();
    let counted = false;
    const settle = () => {
      if (counted) state.inFlight -= 1;
      counted = false;
    };
    // A timed-out client closes the connection before we answer; that request is no longer in flight.
    res.on('close', settle);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const text = Buffer.concat(chunks).toString('utf8');
        const recorded: Recorded = {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: text ? (JSON.parse(text) as unknown) : undefined,
          arrivedAt,
        };
        const index = state.requests.push(recorded) - 1;
        state.inFlight += 1;
        counted = true;
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
        const answer = await script(recorded, index);
        if (answer.hang) return; // the client's timeout must end this
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        settle();
        const payload = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        res.writeHead(answer.status, { ...(payload ? { 'content-type': 'application/json' } : {}), ...answer.headers });
        recorded.respondedAt = Date.now();
        res.end(payload);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0/myorg`,
    requests: state.requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** 200 with `{ value }`, the OData list shape. */
export const list = (value: unknown[]): Scripted => ({ status: 200, body: { '@odata.context': 'http://test/$metadata', value } });
