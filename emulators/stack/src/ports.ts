import { createServer } from 'node:net';

/** Resolves with a TCP port that is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when something already listens on the port (so we must not start there). */
export function isPortInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}

/** Thrown when a configured port is taken; names the variable that moves it. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
    readonly service: string,
  ) {
    super(`Port ${port} for ${service} is already in use. Stop whatever uses it or set ${variable} to another port.`);
    this.name = 'PortInUseError';
  }
}

/** Checks every named port and throws the first conflict. */
export async function assertPortsFree(ports: { port: number; variable: string; service: string }[]): Promise<void> {
  for (const entry of ports) {
    if (await isPortInUse(entry.port)) throw new PortInUseError(entry.port, entry.variable, entry.service);
  }
}
