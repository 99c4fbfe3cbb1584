import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FetchImplementation } from 'jose';

/**
 * A minimal `fetch` for jose's key-set download that trusts an extra CA. The local identity
 * provider serves HTTPS with a locally generated CA, and Node reads NODE_EXTRA_CA_CERTS only at
 * start-up, so an emulator started inside another process (tests, the stack) needs this.
 */
export function fetchTrusting(ca: string): FetchImplementation {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const headers: Record<string, string> = {};
      init.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const req = send(target, { method: 'GET', headers, signal: init.signal, ...(target.protocol === 'https:' ? { ca } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500 })));
      });
      req.on('error', reject);
      req.end();
    });
}
