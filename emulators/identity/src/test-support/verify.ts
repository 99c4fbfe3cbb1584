import { createRemoteJWKSet, customFetch, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { caFetch } from '../ca-fetch';
import type { SpawnedIdentityProvider } from '../testing';

/**
 * Verifies tokens as the API does: jose's remote JWKS fetched over HTTPS from the provider. The
 * jest worker did not start with NODE_EXTRA_CA_CERTS, so the fetch trusts the CA explicitly.
 */
export function verifierFor(idp: SpawnedIdentityProvider) {
  const fetchWithCa = caFetch(idp.ca);
  const keys = createRemoteJWKSet(new URL(idp.urls.jwksUri), { [customFetch]: (url, init) => fetchWithCa(url, init) });
  return async (token: string, options: JWTVerifyOptions = {}): Promise<JWTPayload> => {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: ['RS256'],
      issuer: [idp.urls.issuers.v2, idp.urls.issuers.v1],
      ...options,
    });
    return payload;
  };
}
