import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { entraRoutes, type IdentitySettings } from '../config/settings';
import { MintError, mintToken, type MintRequest } from '../provider/mint';
import type { EmulatorConfig } from '../urls';
import { handleInteraction } from './interaction';
import { oauthError, readObject, sendJson } from './util';

/** Set on requests for a v1 discovery document; the provider middleware then swaps the issuer. */
export const v1DiscoveryMark = Symbol('planboard.v1Discovery');

type MarkedRequest = IncomingMessage & { originalUrl?: string; [v1DiscoveryMark]?: boolean };

/** What the router needs: the provider, its settings, and the config document per listener. */
export interface RouterDependencies {
  provider: Provider;
  settings: IdentitySettings;
  /** The config document; identical on both listeners (the URLs inside name both). */
  config: () => EmulatorConfig;
}

/**
 * Installs the provider middleware that finishes Entra's shape on responses oidc-provider builds:
 * the v1 discovery document (same endpoints, v1 issuer) and `ext_expires_in` on token responses.
 */
export function installResponseShaping(provider: Provider, settings: IdentitySettings): void {
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || ctx.status !== 200) return;
    if ((ctx.req as MarkedRequest)[v1DiscoveryMark] && body.issuer) {
      ctx.body = { ...body, issuer: settings.issuers.v1 };
    } else if (ctx.method === 'POST' && ctx.path === entraRoutes.token && typeof body.access_token === 'string') {
      body.ext_expires_in ??= body.expires_in;
      const requestBody = (ctx.oidc?.body ?? {}) as Record<string, unknown>;
      if (requestBody.client_info === '1') Object.assign(body, clientInfo(body.access_token));
    }
  });
}

/**
 * Entra answers `client_info=1` (sent by msal) with base64url `{"uid":oid,"utid":tid}` for user
 * tokens; msal builds its account (home account id) from it.
 */
function clientInfo(accessToken: string): { client_info?: string } {
  try {
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    if (claims.idtyp !== 'user') return {};
    return { client_info: Buffer.from(JSON.stringify({ uid: claims.oid, utid: claims.tid })).toString('base64url') };
  } catch {
    return {};
  }
}

/**
 * The HTTP(S) request handler: Entra's URL layout mapped onto one oidc-provider instance mounted
 * at `/<tid>`, plus the sign-in pages and the emulator's control routes.
 *
 * - `/<tid>/v2.0/.well-known/openid-configuration` (msal) and `/<tid>/oauth2/v2.0/*`, `/<tid>/discovery/v2.0/keys`
 * - `/<tid>/.well-known/openid-configuration` and `/sts/<tid>/.well-known/openid-configuration`: v1 issuer
 * - `/interaction/<uid>`: account picker; `/_emulator/config|token|health|consent`: emulator-only
 */
export function createRouter(deps: RouterDependencies): (req: IncomingMessage, res: ServerResponse) => void {
  const { provider, settings } = deps;
  const tenant = `/${settings.tenantId}`;
  const callback = provider.callback();
  const discoveryPath = '/.well-known/openid-configuration';

  function toProvider(req: MarkedRequest, res: ServerResponse, path: string, search: string): void {
    // oidc-provider derives its mount path from originalUrl minus url, as under express/koa-mount.
    req.url = `${path}${search}`;
    req.originalUrl = `${tenant}${path}${search}`;
    void callback(req, res);
  }

  async function emulatorRoute(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '3600',
      });
      res.end();
    } else if (path === '/_emulator/health' && req.method === 'GET') {
      sendJson(res, 200, { status: 'ok', tenantId: settings.tenantId }, true);
    } else if (path === '/_emulator/config' && req.method === 'GET') {
      sendJson(res, 200, deps.config(), true);
    } else if (path === '/_emulator/sector' && req.method === 'GET') {
      sendJson(
        res,
        200,
        settings.clients.flatMap((client) => client.redirectUris ?? []),
        true,
      );
    } else if (path === '/_emulator/consent' && req.method === 'GET') {
      sendJson(res, 200, { withheld: settings.consent.list() }, true);
    } else if (path === '/_emulator/consent' && req.method === 'POST') {
      const body = (await readObject(req).catch(() => undefined)) as { user?: unknown; consented?: unknown } | undefined;
      if (typeof body?.user !== 'string' || !body.user || typeof body.consented !== 'boolean') {
        oauthError(res, 400, 'invalid_request', 'Send {"user": "<upn>" or "*", "consented": true|false}');
      } else {
        settings.consent.set(body.user, body.consented);
        sendJson(res, 200, { withheld: settings.consent.list() }, true);
      }
    } else if (path === '/_emulator/token' && req.method === 'POST') {
      try {
        sendJson(res, 200, await mintToken(provider, settings, (await readObject(req)) as MintRequest), true);
      } catch (error) {
        if (error instanceof MintError || error instanceof SyntaxError) oauthError(res, 400, 'invalid_request', error.message);
        else throw error;
      }
    } else {
      oauthError(res, 404, 'not_found', `No emulator route ${req.method ?? ''} ${path}`);
    }
  }

  async function route(req: MarkedRequest, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const path = url.pathname;
    if (path === `${tenant}/v2.0${discoveryPath}`) return toProvider(req, res, discoveryPath, url.search);
    if (path === `${tenant}${discoveryPath}` || path === `/sts${tenant}${discoveryPath}`) {
      req[v1DiscoveryMark] = true;
      return toProvider(req, res, discoveryPath, url.search);
    }
    // Entra also publishes the keys at the v1 and `common` key URLs; all are the same set.
    if (path === `${tenant}/discovery/keys` || path === '/common/discovery/v2.0/keys' || path === '/common/discovery/keys') {
      return toProvider(req, res, entraRoutes.jwks, url.search);
    }
    if (path.startsWith(`${tenant}/`)) return toProvider(req, res, path.slice(tenant.length), url.search);
    if (path.startsWith('/interaction/')) return handleInteraction(provider, settings, req, res, path);
    if (path.startsWith('/_emulator/')) return emulatorRoute(req, res, path);
    if (path === '/')
      return sendJson(
        res,
        200,
        { service: 'Planboard local identity provider', config: '/_emulator/config', discovery: `${tenant}/v2.0${discoveryPath}` },
        true,
      );
    oauthError(res, 404, 'invalid_tenant', `AADSTS90002: No route ${path}. This provider serves tenant ${settings.tenantId} only.`);
  }

  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) oauthError(res, 500, 'server_error', error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  };
}
