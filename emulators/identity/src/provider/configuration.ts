import type { Configuration, JWK, KoaContextWithOIDC } from 'oidc-provider';
import { toClientMetadata } from '../config/clients';
import { oidcScopes } from '../config/resources';
import { entraRoutes, type IdentitySettings } from '../config/settings';
import { errorPage, logoutPage, signedOutPage } from '../http/pages';
import type { SigningJwk } from '../keys';
import { createJwtCustomizer } from '../tokens/customizer';
import { pairwiseSubject } from '../tokens/entra-claims';
import { memoryAdapter } from './memory-adapter';
import { accessTokenSeconds, resourceIndicators } from './resource-indicators';

/**
 * Cookie signing keys. Local-only constants: sessions only need to survive restarts of the
 * emulator, and nothing outside this machine ever sees these cookies.
 */
const cookieKeys = ['planboard-local-identity-cookie-key-1'];

/**
 * Entra has admin-consented first-party apps: users are never asked for consent. The grant is
 * therefore created (or widened) to cover whatever the authorization request asks for.
 */
async function consentedGrant(ctx: KoaContextWithOIDC) {
  const { client, session, provider } = ctx.oidc;
  const accountId = session?.accountId;
  if (!client || !session || !accountId) return undefined;
  const grantId = (ctx.oidc.result?.consent as { grantId?: string } | undefined)?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const grant = existing?.accountId === accountId ? existing : new provider.Grant({ accountId, clientId: client.clientId });
  const requested = [...ctx.oidc.requestParamScopes];
  grant.addOIDCScope(requested.filter((scope) => oidcScopes.has(scope)));
  for (const [indicator, server] of Object.entries(ctx.oidc.resourceServers ?? {})) {
    grant.addResourceScope(
      indicator,
      requested.filter((scope) => server.scopes.has(scope)),
    );
  }
  await grant.save();
  return grant;
}

/** The oidc-provider configuration that makes it behave like the Entra ID tenant endpoints. */
export function providerConfiguration(settings: IdentitySettings, signingKey: SigningJwk): Configuration {
  const sectorIdentifierUri = `${settings.httpsOrigin}/_emulator/sector`;
  return {
    adapter: memoryAdapter(),
    clients: settings.clients.map((client) => toClientMetadata(client, sectorIdentifierUri)),
    jwks: { keys: [signingKey as unknown as JWK] },
    cookies: { keys: cookieKeys },
    routes: entraRoutes,
    responseTypes: ['code'],
    scopes: [...oidcScopes],
    subjectTypes: ['public', 'pairwise'],
    // ID token claims as Entra's v2 ID tokens carry them with `openid profile`.
    claims: { openid: ['sub', 'tid', 'ver'], profile: ['name', 'preferred_username', 'oid'], email: ['email'] },
    conformIdTokenClaims: false,
    pairwiseIdentifier: (_ctx, accountId, client) => pairwiseSubject(settings.tenantId, client.clientId, accountId),
    // The sector identifier is only a label: pairwise subjects are computed per client id.
    sectorIdentifierUriValidate: () => false,
    async findAccount(_ctx, sub) {
      const user = settings.directory.find(sub);
      if (!user) return undefined;
      return {
        accountId: user.oid,
        claims: () => ({
          sub: user.oid,
          tid: settings.tenantId,
          ver: '2.0',
          name: user.name,
          preferred_username: user.upn,
          oid: user.oid,
          email: user.upn,
        }),
      };
    },
    loadExistingGrant: consentedGrant,
    // OpenID Connect drops offline_access unless prompt=consent; Entra honours it, and gives SPAs
    // refresh tokens, so clients allowed the refresh_token grant get one with every code.
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && (code.scopes.has('offline_access') || code.kind === 'AuthorizationCode'),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx, origin) => settings.corsOrigins.includes(origin),
    pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
    ttl: {
      AccessToken: accessTokenSeconds,
      ClientCredentials: accessTokenSeconds,
      AuthorizationCode: 600,
      IdToken: 3600,
      // Entra gives single-page apps 24-hour refresh tokens.
      RefreshToken: 24 * 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: resourceIndicators(settings),
      // Entra's userinfo lives on Microsoft Graph; every access token here is for a resource.
      userinfo: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
    },
    formats: { customizers: { jwt: createJwtCustomizer(settings) } },
    discovery: {
      // Entra advertises these; msal reads them when present.
      tenant_region_scope: null,
      cloud_instance_name: 'localhost',
      frontchannel_logout_supported: false,
      request_uri_parameter_supported: false,
    } as Configuration['discovery'],
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(String(out.error ?? 'Sign-in failed'), String(out.error_description ?? ''));
    },
  };
}
