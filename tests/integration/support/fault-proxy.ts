import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** What the proxy does to each new request. */
export type FaultMode =
  /** Forward bytes both ways, untouched. */
  | 'pass'
  /** Read the request, then drop the connection: the client sees "socket hang up" / ECONNRESET. */
  | 'drop'
  /** Answer as Table Storage does when it sheds load: 503 ServerBusy with its JSON error body. */
  | 'busy';

/**
 * A TCP proxy in front of Azurite's table endpoint that injects the transient faults a real
 * storage account shows under load or during a failover, switchable at run time.
 */
export interface FaultProxy {
  readonly port: number;
  mode: FaultMode;
  /** Requests that met a fault since start. */
  readonly faulted: number;
  close(): Promise<void>;
}

const busyBody = JSON.stringify({
  'odata.error': { code: 'ServerBusy', message: { lang: 'en-US', value: 'The server is busy.' } },
});
const busyResponse =
  'HTTP/1.1 503 Service Unavailable\r\n' +
  'Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n' +
  `Content-Length: ${Buffer.byteLength(busyBody)}\r\n` +
  'x-ms-error-code: ServerBusy\r\nConnection: close\r\n\r\n' +
  busyBody;

export async function startFaultProxy(upstreamPort: number): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  let faulted = 0;
  const proxy: { mode: FaultMode } = { mode: 'pass' };
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    // The mode is read when the request's first bytes arrive (keep-alive connections included).
    let upstream: Socket | undefined;
    client.on('data', (chunk) => {
      if (proxy.mode !== 'pass' && !upstream) {
        faulted += 1;
        if (proxy.mode === 'busy') client.end(busyResponse);
        else client.resetAndDestroy();
        return;
      }
      if (!upstream) {
        upstream = createConnection({ port: upstreamPort, host: '127.0.0.1' });
        sockets.add(upstream);
        upstream.on('close', () => {
          sockets.delete(upstream as Socket);
          client.destroy();
        });
        upstream.on('error', () => client.destroy());
        upstream.on('data', (data) => client.write(data));
        client.on('close', () => upstream?.destroy());
      }
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    get mode() {
      return proxy.mode;
    },
    set mode(value: FaultMode) {
      proxy.mode = value;
      // Pooled keep-alive connections would bypass the new mode: make clients reconnect.
      for (const socket of sockets) socket.destroy();
    },
    get faulted() {
      return faulted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The connection string with its table endpoint moved to `port` on 127.0.0.1. */
export function withTableEndpointPort(connectionString: string, port: number): string {
  return connectionString.replace(/TableEndpoint=http:\/\/127\.0\.0\.1:\d+/, `TableEndpoint=http://127.0.0.1:${port}`);
}

/** The port of the table endpoint in a connection string. */
export function tableEndpointPort(connectionString: string): number {
  const match = /TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(connectionString);
  if (!match) throw new Error('The connection string has no 127.0.0.1 TableEndpoint.');
  return Number(match[1]);
}
