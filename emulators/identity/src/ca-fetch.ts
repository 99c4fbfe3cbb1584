import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** The subset of `fetch` the helpers use: method, headers, string body; no redirects followed. */
export type CaFetch = (
  url: string | URL,
  init?: { method?: string; headers?: ConstructorParameters<typeof Headers>[0]; body?: string; signal?: AbortSignal | null },
) => Promise<Response>;

function plainHeaders(init: ConstructorParameters<typeof Headers>[0]): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init).forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

/**
 * A `fetch` that trusts `ca` (PEM) for HTTPS. Node reads `NODE_EXTRA_CA_CERTS` only at start-up,
 * so a process that did not start with it (a jest worker, the CLI's own readiness probe) uses
 * this to reach the provider. Redirects are returned, not followed (`redirect: 'manual'`), which
 * is what the headless sign-in needs to carry cookies across them.
 */
export function caFetch(ca: string | undefined): CaFetch {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const body = init.body === undefined ? undefined : Buffer.from(init.body);
      const req = send(
        url,
        {
          method: init.method ?? 'GET',
          headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...plainHeaders(init.headers) },
          ...(url.protocol === 'https:' && ca ? { ca } : {}),
          signal: init.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              for (const item of ([] as (string | undefined)[]).concat(value)) if (item !== undefined) headers.append(name, item);
            }
            const status = res.statusCode ?? 500;
            const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(payload, { status, statusText: res.statusMessage, headers }));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
