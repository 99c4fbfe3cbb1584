/**
 * Preloaded into the Agents Playground (`node --require`): the Playground 0.2.28 listens on all
 * interfaces and has no host option, and it ships a telemetry client. This module
 *  - adds 127.0.0.1 to `listen()` calls that name no host, so it is reachable from this machine only;
 *  - refuses outbound connections to anything but loopback, so it works offline and nothing
 *    (telemetry included) leaves the machine even if a flag is missed.
 * It patches `net` only, before the Playground loads, and has no other effect.
 */
import net from 'node:net';

const loopback = '127.0.0.1';
const isLoopback = (host: string | undefined): boolean =>
  host === undefined || host === '' || host === 'localhost' || host === '::1' || host.startsWith('127.') || host === '::ffff:127.0.0.1';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(this: net.Server, ...args: unknown[]): net.Server {
  const [first, second] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof second !== 'string') args.splice(1, 0, loopback);
  } else if (first && typeof first === 'object' && !(first instanceof net.Server)) {
    const options = first as net.ListenOptions;
    if (options.path === undefined && options.host === undefined) args[0] = { ...options, host: loopback };
  } else if (first === undefined || typeof first === 'function') {
    // listen() / listen(callback): an ephemeral port on every interface otherwise.
    args.unshift(0, loopback);
  }
  return listen.apply(this, args as Parameters<typeof listen>);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connectToLoopbackOnly(this: net.Socket, ...args: unknown[]): net.Socket {
  const [first, second] = args;
  const options = first && typeof first === 'object' ? (first as { host?: string; path?: string }) : undefined;
  const host = options ? options.host : typeof second === 'string' ? second : undefined;
  if (options?.path === undefined && !isLoopback(host)) {
    process.nextTick(() =>
      this.destroy(Object.assign(new Error(`Blocked connection to ${host}: the Agents Playground runs offline`), { code: 'ECONNREFUSED' })),
    );
    return this;
  }
  return connect.apply(this, args as Parameters<typeof connect>);
};
