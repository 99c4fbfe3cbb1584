import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { startProcess, waitUntil, type ManagedProcess } from './processes';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuritePorts {
  blob: number;
  queue: number;
  table: number;
}

export interface AzuriteOptions {
  ports: AzuritePorts;
  /** Folder for persisted data; omitted → in-memory (tests). */
  location?: string;
  echo?: boolean;
}

export interface RunningAzurite {
  readonly process: ManagedProcess;
  readonly ports: AzuritePorts;
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** The connection string Azure SDKs and the Functions host use for a local Azurite. */
export function azuriteConnectionString(ports: AzuritePorts, host = '127.0.0.1'): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${DEV_ACCOUNT}`,
    `AccountKey=${DEV_KEY}`,
    `BlobEndpoint=http://${host}:${ports.blob}/${DEV_ACCOUNT}`,
    `QueueEndpoint=http://${host}:${ports.queue}/${DEV_ACCOUNT}`,
    `TableEndpoint=http://${host}:${ports.table}/${DEV_ACCOUNT}`,
  ].join(';');
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts Azurite (blob, queue, table) from the npm package and waits until all three listen. */
export async function startAzurite(options: AzuriteOptions): Promise<RunningAzurite> {
  const { ports } = options;
  const bin = require.resolve('azurite/dist/src/azurite.js');
  const args = [
    bin,
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(ports.blob),
    '--queueHost',
    '127.0.0.1',
    '--queuePort',
    String(ports.queue),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(ports.table),
    '--skipApiVersionCheck',
    '--disableProductStyleUrl',
    '--loose',
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const proc = startProcess('azurite', process.execPath, args, { echo: options.echo ?? false });
  await waitUntil('Azurite', async () => (await tcpOpen(ports.blob)) && (await tcpOpen(ports.queue)) && (await tcpOpen(ports.table)), {
    process: proc,
    timeoutMs: 30_000,
  });
  return { process: proc, ports, connectionString: azuriteConnectionString(ports), stop: () => proc.stop() };
}
