import { createHash, randomBytes } from 'node:crypto';
import type { CaFetch } from '../ca-fetch';
import type { EmulatorConfig, TenantEndpoints } from '../urls';
import { CookieJar } from './cookie-jar';

/** How to run the authorization code + PKCE flow headlessly, as the tab does in a browser. */
export interface SignInOptions {
  /** UPN or object id of the account to pick on the sign-in page. */
  user: string;
  /** Default: the tab client. */
  clientId?: string;
  /** Default: the tab client's first redirect URI. */
  redirectUri?: string;
  /** Default: `openid profile offline_access api://…/access_as_user`. */
  scopes?: string[];
  /** `login` forces the account picker even with a session. */
  prompt?: string;
  loginHint?: string;
  /** Emulator extension: ask for a v1 or v2 access token for the API. */
  tokenVersion?: 1 | 2;
  /** Reuse cookies across sign-ins (single sign-on, logout). Default: a fresh jar. */
  jar?: CookieJar;
  /** Origin sent with the token request, as a browser would (CORS). Default: the redirect URI's origin. */
  origin?: string;
}

/** The outcome: tokens plus what happened on the way. */
export interface SignInResult {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  expiresIn: number;
  scope?: string;
  /** Whether the account picker was shown (false when an existing session was reused). */
  pickedAccount: boolean;
  /** The token endpoint's `access-control-allow-origin` answer. */
  allowOrigin: string | null;
  /** The raw token response. */
  response: Record<string, unknown>;
  jar: CookieJar;
}

const base64url = (buffer: Buffer) => buffer.toString('base64url');

/** A self-submitting form (oidc-provider ends a previous user's session that way): its action and fields. */
function autoSubmitForm(html: string, base: string): { action: string; body: string } | undefined {
  if (!html.includes('document.forms[0].submit()')) return undefined;
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) return undefined;
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map(
    ([, name = '', value = '']): [string, string] => [name, value],
  );
  return { action: new URL(action.replace(/&amp;/g, '&'), base).href, body: new URLSearchParams(fields).toString() };
}

/**
 * Follows redirects and self-submitting forms by hand, carrying cookies, as a browser would,
 * until `stop` says a URL is the destination or a page needs the user.
 */
async function follow(
  fetchImpl: CaFetch,
  jar: CookieJar,
  start: string,
  stop: (url: string) => boolean,
): Promise<{ url: string; response?: Response }> {
  let url = start;
  let post: string | undefined;
  for (let hop = 0; hop < 20; hop += 1) {
    if (stop(url)) return { url };
    const headers: Record<string, string> = {
      cookie: jar.header(url),
      ...(post === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
    };
    const response = await fetchImpl(url, post === undefined ? { headers } : { method: 'POST', headers, body: post });
    jar.store(url, response);
    post = undefined;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = response.status === 200 ? await response.clone().text() : '';
    const form = autoSubmitForm(html, url);
    if (!form) return { url, response };
    url = form.action;
    post = form.body;
  }
  throw new Error(`Too many redirects from ${start}`);
}

/**
 * Signs in through the provider's browser endpoints exactly as a browser would: authorization
 * request with PKCE, the account picker (the chosen account is posted like a click), the
 * redirect back with a code, and the code exchange at the token endpoint.
 */
export async function signInWithCodeFlow(
  fetchImpl: CaFetch,
  endpoints: TenantEndpoints,
  config: EmulatorConfig,
  options: SignInOptions,
): Promise<SignInResult> {
  const jar = options.jar ?? new CookieJar();
  const clientId = options.clientId ?? config.tab.clientId;
  const redirectUri = options.redirectUri ?? config.tab.redirectUris[0] ?? '';
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(12));
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    response_mode: 'query',
    scope: (options.scopes ?? config.tab.scopes).join(' '),
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    state,
    nonce: base64url(randomBytes(12)),
    ...(options.prompt ? { prompt: options.prompt } : {}),
    ...(options.loginHint ? { login_hint: options.loginHint } : {}),
  });
  const atRedirect = (url: string) => url.startsWith(redirectUri) && url.includes('?');
  let landing = await follow(fetchImpl, jar, `${endpoints.authorizationEndpoint}?${query}`, atRedirect);
  let pickedAccount = false;
  if (!atRedirect(landing.url)) {
    const page = (await landing.response?.text()) ?? '';
    if (!new URL(landing.url).pathname.startsWith('/interaction/'))
      throw new Error(`Sign-in stopped at ${landing.url} (${landing.response?.status}): ${page.slice(0, 300)}`);
    const user = config.users.find(
      (candidate) => candidate.upn.toLowerCase() === options.user.toLowerCase() || candidate.oid === options.user,
    );
    if (!user || !page.includes(user.oid)) throw new Error(`The sign-in page does not offer ${options.user}`);
    pickedAccount = true;
    const login = `${landing.url}/login`;
    const posted = await fetchImpl(login, {
      method: 'POST',
      headers: { cookie: jar.header(login), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ oid: user.oid }).toString(),
    });
    jar.store(login, posted);
    const next = posted.headers.get('location');
    if (!next) throw new Error(`Login was not accepted (${posted.status}): ${(await posted.text()).slice(0, 300)}`);
    landing = await follow(fetchImpl, jar, new URL(next, login).href, atRedirect);
    if (!atRedirect(landing.url)) throw new Error(`Sign-in did not return to the app: ${landing.url}`);
  }
  const returned = new URL(landing.url).searchParams;
  if (returned.get('error')) throw new Error(`${returned.get('error')}: ${returned.get('error_description')}`);
  if (returned.get('state') !== state) throw new Error('State mismatch');
  const code = returned.get('code');
  if (!code) throw new Error(`No code in ${landing.url}`);

  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: clientId,
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
  if (options.tokenVersion) form.set('token_version', String(options.tokenVersion));
  const response = await fetchImpl(endpoints.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: options.origin ?? new URL(redirectUri).origin },
    body: form.toString(),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`Token request failed (${response.status}): ${JSON.stringify(body)}`);
  return {
    accessToken: String(body.access_token),
    idToken: body.id_token as string | undefined,
    refreshToken: body.refresh_token as string | undefined,
    expiresIn: Number(body.expires_in),
    scope: body.scope as string | undefined,
    pickedAccount,
    allowOrigin: response.headers.get('access-control-allow-origin'),
    response: body,
    jar,
  };
}
