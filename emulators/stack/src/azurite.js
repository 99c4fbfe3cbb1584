"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEV_KEY = exports.DEV_ACCOUNT = void 0;
exports.azuriteConnectionString = azuriteConnectionString;
exports.startAzurite = startAzurite;
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const processes_1 = require("./processes");
/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
exports.DEV_ACCOUNT = 'devstoreaccount1';
exports.DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/** The connection string Azure SDKs and the Functions host use for a local Azurite. */
function azuriteConnectionString(ports, host = '127.0.0.1') {
    return [
        'DefaultEndpointsProtocol=http',
        `AccountName=${exports.DEV_ACCOUNT}`,
        `AccountKey=${exports.DEV_KEY}`,
        `BlobEndpoint=http://${host}:${ports.blob}/${exports.DEV_ACCOUNT}`,
        `QueueEndpoint=http://${host}:${ports.queue}/${exports.DEV_ACCOUNT}`,
        `TableEndpoint=http://${host}:${ports.table}/${exports.DEV_ACCOUNT}`,
    ].join(';');
}
function tcpOpen(port) {
    return new Promise((resolve) => {
        const socket = (0, node_net_1.connect)(port, '127.0.0.1');
        socket.once('connect', () => {
            socket.destroy();
            resolve(true);
        });
        socket.once('error', () => resolve(false));
    });
}
/** Starts Azurite (blob, queue, table) from the npm package and waits until all three listen. */
async function startAzurite(options) {
    const { ports } = options;
    const bin = require.resolve('azurite/dist/src/azurite.js');
    const args = [
        bin,
        '--blobHost', '127.0.0.1', '--blobPort', String(ports.blob),
        '--queueHost', '127.0.0.1', '--queuePort', String(ports.queue),
        '--tableHost', '127.0.0.1', '--tablePort', String(ports.table),
        '--skipApiVersionCheck', '--disableProductStyleUrl', '--loose',
    ];
    if (options.location) {
        (0, node_fs_1.mkdirSync)(options.location, { recursive: true });
        args.push('--location', options.location);
    }
    else {
        args.push('--inMemoryPersistence');
    }
    const proc = (0, processes_1.startProcess)('azurite', process.execPath, args, { echo: options.echo ?? false });
    await (0, processes_1.waitUntil)('Azurite', async () => (await tcpOpen(ports.blob)) && (await tcpOpen(ports.queue)) && (await tcpOpen(ports.table)), {
        process: proc,
        timeoutMs: 30_000,
    });
    return { process: proc, ports, connectionString: azuriteConnectionString(ports), stop: () => proc.stop() };
}
//# sourceMappingURL=azurite.js.map