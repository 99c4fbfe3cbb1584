import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { sampleTenantId } from '@planboard/server';
import { powerBiAudience } from '../auth/bearer';
import { defaultServicePrincipalAppId } from '../seed/sample-ids';
import { newId } from '../util/ids';

/** A stand-in identity provider for tests: a JWKS endpoint and Entra-shaped v1 Power BI tokens. */
export interface TestIssuer {
  jwksUri: string;
  issuer: string;
  tenantId: string;
  /** Client-credentials token of a service principal (`idtyp: app`). */
  appToken(options?: { appId?: string; audience?: string; expiresInSeconds?: number }): Promise<string>;
  /** Delegated token of a user (`idtyp: user`, `upn`, `scp`). */
  userToken(upn: string, options?: { scopes?: string[]; audience?: string; expiresInSeconds?: number }): Promise<string>;
  /** Any payload, signed with the issuer's key (for negative tests). */
  sign(payload: JWTPayload, options?: { expiresInSeconds?: number; key?: 'issuer' | 'foreign' }): Promise<string>;
  stop(): Promise<void>;
}

/** The delegated Power BI scopes tests give users by default. */
export const allUserScopes = ['Dataset.ReadWrite.All', 'Report.ReadWrite.All', 'Workspace.Read.All', 'Capacity.Read.All', 'Content.Create'];

/** Starts a JWKS server on loopback with a fresh RS256 key. Test code only: the emulator itself only verifies. */
export async function startTestIssuer(tenantId = sampleTenantId): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`;
  const issuer = `https://sts.windows.net/${tenantId}/`;

  const sign: TestIssuer['sign'] = (payload, options = {}) => {
    const key: CryptoKey = options.key === 'foreign' ? foreign.privateKey : privateKey;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: issuer, tid: tenantId, ver: '1.0', ...payload })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key-1', typ: 'JWT' })
      .setIssuedAt(now)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(key);
  };

  return {
    jwksUri,
    issuer,
    tenantId,
    sign,
    appToken: (options = {}) => {
      const appId = options.appId ?? defaultServicePrincipalAppId;
      const oid = newId();
      return sign({ aud: options.audience ?? powerBiAudience, appid: appId, appidacr: '1', idtyp: 'app', oid, sub: oid }, options);
    },
    userToken: (upn, options = {}) => {
      const oid = newId();
      const scp = (options.scopes ?? allUserScopes).join(' ');
      return sign(
        {
          aud: options.audience ?? powerBiAudience,
          appid: '10ca1a00-0000-4000-8000-000000000001',
          idtyp: 'user',
          upn,
          unique_name: upn,
          oid,
          sub: oid,
          scp,
          name: upn,
        },
        options,
      );
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
