"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PortInUseError = void 0;
exports.freePort = freePort;
exports.isPortInUse = isPortInUse;
exports.assertPortsFree = assertPortsFree;
const node_net_1 = require("node:net");
/** Resolves with a TCP port that is free on 127.0.0.1 right now. */
function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0, node_net_1.createServer)();
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
function isPortInUse(port, host = '127.0.0.1') {
    return new Promise((resolve) => {
        const server = (0, node_net_1.createServer)();
        server.once('error', () => resolve(true));
        server.listen(port, host, () => server.close(() => resolve(false)));
    });
}
/** Thrown when a configured port is taken; names the variable that moves it. */
class PortInUseError extends Error {
    port;
    variable;
    service;
    constructor(port, variable, service) {
        super(`Port ${port} for ${service} is already in use. Stop whatever uses it or set ${variable} to another port.`);
        this.port = port;
        this.variable = variable;
        this.service = service;
        this.name = 'PortInUseError';
    }
}
exports.PortInUseError = PortInUseError;
/** Checks every named port and throws the first conflict. */
async function assertPortsFree(ports) {
    for (const entry of ports) {
        if (await isPortInUse(entry.port))
            throw new PortInUseError(entry.port, entry.variable, entry.service);
    }
}
//# sourceMappingURL=ports.js.map