import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import Provider, { errors, type Client } from 'oidc-provider';
import { jwtBearerGrant } from '../config/clients';
import { parseScope, resourcesOfScope, type ResourceApp } from '../config/resources';
import type { IdentitySettings } from '../config/settings';
import type { SigningJwk } from '../keys';
import { delegatedPermissions } from '../tokens/customizer';
import { resourceServerInfo } from './resource-indicators';

/** The public half of the signing key: what the provider publishes, and what assertions must verify against. */
export function publicJwk(key: SigningJwk): Record<string, unknown> {
  return { kty: key.kty, n: key.n, e: key.e, kid: key.kid, alg: key.alg, use: key.use };
}

/**
 * `invalid_grant` with Entra's AADSTS text. oidc-provider's InvalidGrant hides its description;
 * Entra does not, and msal surfaces it, which is what developers debug OBO failures with.
 */
function invalidGrant(description: string): Error {
  return new errors.CustomOIDCProviderError('invalid_grant', description);
}

/** Verifies an incoming user assertion the way Entra does for OBO, with Entra's error texts. */
async function verifyAssertion(
  assertion: string,
  keys: ReturnType<typeof createLocalJWKSet>,
  settings: IdentitySettings,
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(assertion, keys, { issuer: [settings.issuers.v1, settings.issuers.v2], algorithms: ['RS256'] });
    return payload;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired || (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf')) {
      throw invalidGrant('AADSTS500133: Assertion is not within its valid time range.');
    }
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'iss') {
      throw invalidGrant('AADSTS50013: Assertion failed signature validation. (Issuer is not trusted.)');
    }
    throw invalidGrant('AADSTS50013: Assertion failed signature validation.');
  }
}

/** The audiences under which a token was issued *to* `client` (its client id, App ID URIs). */
function ownAudiences(client: Client, settings: IdentitySettings): string[] {
  const own = settings.resources.find((resource) => resource.appId === client.clientId);
  return own ? [own.appId, own.identifier, ...own.aliases] : [client.clientId];
}

function singleResource(scope: string, settings: IdentitySettings): ResourceApp {
  const targets = resourcesOfScope(scope, settings.resources);
  if (targets.length === 1 && targets[0]) return targets[0];
  if (targets.length > 1)
    throw new errors.InvalidTarget(
      'AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource.',
    );
  throw new errors.InvalidScope('AADSTS70011: The provided value for the input parameter scope is not valid.', scope);
}

/**
 * Registers Entra's on-behalf-of grant (`urn:ietf:params:oauth:grant-type:jwt-bearer` with
 * `requested_token_use=on_behalf_of`): a confidential client exchanges a user's token issued to
 * it for a delegated token to a downstream API (Power BI, Graph) carrying the same user.
 */
export function registerOnBehalfOf(provider: Provider, settings: IdentitySettings, signingKey: SigningJwk): void {
  const keys = createLocalJWKSet({ keys: [publicJwk(signingKey)] });
  provider.registerGrantType(
    jwtBearerGrant,
    async (ctx) => {
      const { client, params } = ctx.oidc;
      if (client.clientAuthMethod === 'none') {
        throw new errors.InvalidClient(
          'AADSTS7000218: The request body must contain the following parameter: client_assertion or client_secret.',
        );
      }
      if (params.requested_token_use !== 'on_behalf_of') {
        throw new errors.InvalidRequest("AADSTS90009: requested_token_use must be 'on_behalf_of'.");
      }
      if (typeof params.assertion !== 'string' || !params.assertion)
        throw new errors.InvalidRequest("AADSTS900144: The request body must contain the following parameter: 'assertion'.");
      const claims = await verifyAssertion(params.assertion, keys, settings);
      const audiences = ([] as unknown[]).concat(claims.aud);
      const accepted = ownAudiences(client, settings);
      if (!audiences.some((audience) => typeof audience === 'string' && accepted.includes(audience))) {
        throw invalidGrant('AADSTS50013: Assertion audience does not match the Client app presenting the assertion.');
      }
      if (claims.tid !== settings.tenantId) throw invalidGrant('AADSTS50013: Assertion was issued for another tenant.');
      const user = claims.idtyp === 'app' || typeof claims.oid !== 'string' ? undefined : settings.directory.find(claims.oid);
      if (!user) throw invalidGrant('AADSTS50034: The assertion does not identify a user of this directory.');

      const requested = String(params.scope ?? '');
      const resource = singleResource(requested, settings);
      if (!settings.consent.hasConsented(user.upn)) {
        // Entra's answer when neither the user nor an admin consented: msal-node surfaces it as an
        // InteractionRequiredAuthError with subError `consent_required`.
        const apiName = settings.resources.find((candidate) => candidate.appId === client.clientId)?.name ?? client.clientId;
        ctx.status = 400;
        ctx.body = {
          error: 'invalid_grant',
          error_description: `AADSTS65001: The user or administrator has not consented to use the application with ID '${client.clientId}' named '${apiName}'. Send an interactive authorization request for this user and resource.`,
          error_codes: [65001],
          suberror: 'consent_required',
          timestamp: new Date()
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d+Z$/, 'Z'),
          trace_id: crypto.randomUUID(),
          correlation_id: crypto.randomUUID(),
        };
        return;
      }
      const scope = requested
        .split(' ')
        .filter((item) => parseScope(item, [resource]))
        .join(' ');
      const grant = new provider.Grant({ accountId: user.oid, clientId: client.clientId });
      grant.addResourceScope(resource.identifier, scope);
      const grantId = await grant.save();
      const token = new provider.AccessToken({
        accountId: user.oid,
        client,
        grantId,
        gty: jwtBearerGrant,
        scope,
        resourceServer: new provider.ResourceServer(resource.identifier, resourceServerInfo(resource)),
      });
      const accessToken = await token.save();
      const consented = settings.clients.find((candidate) => candidate.clientId === client.clientId)?.permissions[resource.identifier]
        ?.delegated;
      const granted = delegatedPermissions(scope, resource, consented).map((name) => `${resource.identifier}/${name}`);
      // Entra lists the expanded permissions and echoes `.default`; msal's cache lookups for `.default` rely on the echo.
      if (scope.split(' ').some((item) => item.endsWith('/.default'))) granted.push(`${resource.identifier}/.default`);
      ctx.body = {
        token_type: 'Bearer',
        scope: granted.join(' '),
        expires_in: token.expiration,
        ext_expires_in: token.expiration,
        access_token: accessToken,
      };
    },
    ['assertion', 'requested_token_use', 'scope'],
  );
}
