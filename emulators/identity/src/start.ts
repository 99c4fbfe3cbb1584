import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { ensureDevCertificates } from './certs';
import { resolveSettings, type IdentityProviderOptions } from './config/settings';
import { createRouter, installResponseShaping } from './http/router';
import { ensureSigningKey } from './keys';
import { providerConfiguration } from './provider/configuration';
import { registerOnBehalfOf } from './provider/obo-grant';
import { emulatorConfig, providerUrls, type EmulatorConfig, type IdentityProviderUrls } from './urls';

/** A running provider. */
export interface RunningIdentityProvider {
  urls: IdentityProviderUrls;
  /** The local CA: set `NODE_EXTRA_CA_CERTS` to it for every Node process that calls the provider. */
  caCertPath: string;
  /** The `/_emulator/config` document. */
  config: EmulatorConfig;
  /** Closes both listeners and their open connections. */
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the local OpenID Connect provider: oidc-provider configured to issue Entra-shaped
 * tokens for one tenant, over HTTPS (msal refuses http authorities) with a locally generated CA,
 * plus a plain-HTTP listener on 127.0.0.1 for browsers, which do not trust that CA. Both
 * listeners serve the same provider, so the issuer and tokens are identical.
 */
export async function startIdentityProvider(options: IdentityProviderOptions): Promise<RunningIdentityProvider> {
  const log = options.log ?? (() => undefined);
  const hostname = options.hostname ?? 'localhost';
  const certs = await ensureDevCertificates(options.certsDir, [hostname, ...(options.extraHostnames ?? [])]);
  const signingKey = await ensureSigningKey(options.certsDir);

  // The issuer contains the port, so the listeners start first and the handler is attached after.
  let handler: RequestListener = (_req, res) => {
    res.writeHead(503, { 'retry-after': '1' });
    res.end();
  };
  const dispatch: RequestListener = (req, res) => handler(req, res);
  const servers: Server[] = [];
  const https = createHttpsServer({ key: certs.key, cert: certs.cert }, dispatch);
  servers.push(https);
  const port = await listen(https, options.port ?? 0, '127.0.0.1');
  // `localhost` may resolve to ::1 first; answer there too when the machine has IPv6.
  const https6 = createHttpsServer({ key: certs.key, cert: certs.cert }, dispatch);
  if (
    await listen(https6, port, '::1').then(
      () => true,
      () => false,
    )
  )
    servers.push(https6);
  let browserOrigin: string | undefined;
  if (options.httpPort !== false) {
    const http = createHttpServer(dispatch);
    servers.push(http);
    browserOrigin = `http://127.0.0.1:${await listen(http, options.httpPort ?? 0, '127.0.0.1')}`;
  }

  try {
    const httpsOrigin = `https://${hostname}:${port}`;
    const settings = resolveSettings(options, httpsOrigin);
    const provider = new Provider(settings.issuers.v2, providerConfiguration(settings, signingKey));
    registerOnBehalfOf(provider, settings, signingKey);
    installResponseShaping(provider, settings);
    provider.on('server_error', (_ctx, error) => log(`identity: server error: ${error.stack ?? error.message}`));
    const urls = providerUrls(httpsOrigin, settings.tenantId, browserOrigin);
    const config = emulatorConfig(settings, urls, certs.caCertPath);
    handler = createRouter({ provider, settings, config: () => config });
    log(`identity: issuer ${urls.issuers.v2} (v1 ${urls.issuers.v1})`);
    return {
      urls,
      caCertPath: certs.caCertPath,
      config,
      stop: async () => {
        await Promise.all(servers.map(close));
      },
    };
  } catch (error) {
    await Promise.all(servers.map(close));
    throw error;
  }
}
