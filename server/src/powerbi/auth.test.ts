import { createConfidentialClient, fetchNetworkModule, OnBehalfOfTokenSource, ServicePrincipalTokenSource, type FetchLike } from './auth';
import { createPowerBiClient } from './client';
import { PowerBiAuthError } from './errors';
import { list, startScriptServer } from './test-support/script-server';

const tenant = '5ca1ab1e-0000-4000-8000-000000000001';
const authority = `https://localhost:53443/${tenant}`;
const clientId = '10ca1a00-0000-4000-8000-000000000003';

/** An in-memory identity provider behind msal's network interface: discovery plus a token endpoint. */
function fakeProvider(options: { expiresIn?: number; fail?: boolean } = {}) {
  const tokenRequests: URLSearchParams[] = [];
  const urls: string[] = [];
  const fetchImpl: FetchLike = (url, init) => {
    urls.push(url);
    const json = (status: number, body: unknown) =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
    if (url.endsWith('/.well-known/openid-configuration')) {
      return json(200, {
        issuer: `${authority}/v2.0`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
      });
    }
    if (url.includes('/oauth2/v2.0/token') && init.method === 'POST') {
      const form = new URLSearchParams(init.body);
      tokenRequests.push(form);
      if (options.fail) return json(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
      return json(200, { token_type: 'Bearer', expires_in: options.expiresIn ?? 3599, access_token: `at-${tokenRequests.length}` });
    }
    return json(404, { error: 'not_found' });
  };
  return { networkClient: fetchNetworkModule(fetchImpl), tokenRequests, urls };
}

/** An unsigned JWT-shaped assertion: msal and the token source only read its claims. */
const assertion = (oid: string) => `e30.${Buffer.from(JSON.stringify({ oid, tid: tenant })).toString('base64url')}.sig`;

describe('ServicePrincipalTokenSource', () => {
  it('asks the configured authority once and serves later calls from the msal cache', async () => {
    const provider = fakeProvider();
    const source = ServicePrincipalTokenSource.fromOptions({
      clientId,
      clientSecret: 's3cret',
      authority,
      networkClient: provider.networkClient,
    });
    expect(await source.getToken()).toBe('at-1');
    expect(await source.getToken()).toBe('at-1');
    expect(provider.tokenRequests).toHaveLength(1);
    const form = provider.tokenRequests[0]!;
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toBe('https://analysis.windows.net/powerbi/api/.default');
    expect(form.get('client_id')).toBe(clientId);
    expect(form.get('client_secret')).toBe('s3cret');
    expect(provider.urls[0]).toBe(`${authority}/v2.0/.well-known/openid-configuration`);
    expect(source.callerKey).toBe(`app:${clientId}`);
  });

  it('renews a token that is close to expiry instead of serving it', async () => {
    const provider = fakeProvider({ expiresIn: 120 }); // inside msal's 5-minute renewal window
    const source = ServicePrincipalTokenSource.fromOptions({
      clientId,
      clientSecret: 's',
      authority,
      networkClient: provider.networkClient,
    });
    expect(await source.getToken()).toBe('at-1');
    expect(await source.getToken()).toBe('at-2');
  });

  it('types a rejected secret as an auth error carrying the msal code', async () => {
    const provider = fakeProvider({ fail: true });
    const source = ServicePrincipalTokenSource.fromOptions({
      clientId,
      clientSecret: 'wrong',
      authority,
      networkClient: provider.networkClient,
    });
    const error = await source.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PowerBiAuthError);
    expect(error).toMatchObject({ kind: 'auth', code: 'invalid_client' });
  });
});

describe('OnBehalfOfTokenSource', () => {
  it('exchanges the user assertion, caches per assertion and keys throttling by the user', async () => {
    const provider = fakeProvider();
    const app = createConfidentialClient({ clientId, clientSecret: 's', authority, networkClient: provider.networkClient });
    const ava = new OnBehalfOfTokenSource(app, assertion('oid-ava'));
    expect(await ava.getToken()).toBe('at-1');
    expect(await new OnBehalfOfTokenSource(app, assertion('oid-ava')).getToken()).toBe('at-1');
    expect(await new OnBehalfOfTokenSource(app, assertion('oid-ben')).getToken()).toBe('at-2');
    expect(provider.tokenRequests).toHaveLength(2);
    const form = provider.tokenRequests[0]!;
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(form.get('requested_token_use')).toBe('on_behalf_of');
    expect(form.get('assertion')).toBe(assertion('oid-ava'));
    expect(form.get('scope')).toContain('https://analysis.windows.net/powerbi/api/.default');
    expect(ava.callerKey).toBe('user:oid-ava');
  });
});

describe('client with a service principal', () => {
  it('calls Power BI with the msal token, and on-behalf-of with the delegated one', async () => {
    const server = await startScriptServer(() => list([]));
    try {
      const provider = fakeProvider();
      const client = createPowerBiClient({
        baseUrl: server.baseUrl,
        servicePrincipal: { clientId, clientSecret: 's', authority, networkClient: provider.networkClient },
      });
      await client.groups.list();
      await client.groups.list();
      await client.onBehalfOf(assertion('oid-ava')).groups.list();
      expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer at-1', 'Bearer at-1', 'Bearer at-2']);
      expect(provider.tokenRequests.map((f) => f.get('grant_type'))).toEqual([
        'client_credentials',
        'urn:ietf:params:oauth:grant-type:jwt-bearer',
      ]);
    } finally {
      await server.close();
    }
  });
});
