import { caFetch, type CaFetch } from '../ca-fetch';
import type { MintRequest, MintResponse } from '../provider/mint';
import type { EmulatorConfig, TenantEndpoints } from '../urls';
import { signInWithCodeFlow, type SignInOptions, type SignInResult } from './code-flow';

/** Options of {@link IdentityEmulatorClient.userToken}. */
export interface UserTokenOptions {
  /** Default: what the audience accepts (the API: v2). */
  version?: 'v1' | 'v2';
  /** Resource identifier, alias or app id. Default: the Planboard API. */
  audience?: string;
  /** Calling client (`azp`/`appid`). Default: the tab. */
  clientId?: string;
  /** `scp` permission names. Default: what the client was consented. */
  scopes?: string[];
  /** Lifetime in seconds; negative for an already expired token. */
  expiresIn?: number;
}

/** Options of {@link IdentityEmulatorClient.appToken}. */
export interface AppTokenOptions {
  /** Resource identifier. Default: Power BI (`https://analysis.windows.net/powerbi/api`). */
  resource?: string;
  /** Default: the secret the emulator config lists for the client. */
  clientSecret?: string;
}

/**
 * Talks to a running provider the way other suites need: configuration, tokens for sample
 * users and service principals, and the real browser sign-in done headlessly.
 */
export class IdentityEmulatorClient {
  private readonly fetch: CaFetch;
  private cached?: Promise<EmulatorConfig>;

  /**
   * @param baseUrl any origin of the provider: the plain-HTTP browser origin needs no CA
   * @param ca PEM of the local CA, for an `https:` base URL in a process without `NODE_EXTRA_CA_CERTS`
   */
  constructor(
    readonly baseUrl: string,
    ca?: string,
  ) {
    this.fetch = caFetch(ca);
  }

  /** `GET /_emulator/config` (cached). */
  config(): Promise<EmulatorConfig> {
    this.cached ??= this.fetch(new URL('/_emulator/config', this.baseUrl)).then(async (response) => {
      if (response.status !== 200) throw new Error(`Emulator config answered ${response.status}`);
      return (await response.json()) as EmulatorConfig;
    });
    return this.cached;
  }

  /** The endpoints on the same listener as `baseUrl` (browser ones for the HTTP origin). */
  async endpoints(): Promise<TenantEndpoints> {
    const { urls } = await this.config();
    return urls.browser && new URL(this.baseUrl).origin === urls.browserOrigin ? urls.browser : urls;
  }

  /** Mints an access token for a directory user (UPN or object id) through `/_emulator/token`. */
  async userToken(user: string, options: UserTokenOptions = {}): Promise<string> {
    return (await this.mint({ user, ...options })).access_token;
  }

  /** Obtains an app-only token with the real client-credentials grant (`<resource>/.default`). */
  async appToken(clientId?: string, options: AppTokenOptions = {}): Promise<string> {
    const config = await this.config();
    const id = clientId ?? config.powerBi.clientId ?? '';
    const secret = options.clientSecret ?? config.clients.find((client) => client.clientId === id)?.clientSecret;
    if (!secret) throw new Error(`No secret known for client ${id}`);
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: id,
      client_secret: secret,
      scope: `${options.resource ?? config.powerBi.resource}/.default`,
    });
    const response = await this.fetch((await this.endpoints()).tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status !== 200) throw new Error(`Client credentials failed (${response.status}): ${JSON.stringify(json)}`);
    return String(json.access_token);
  }

  /** `POST /_emulator/token` with any {@link MintRequest}. */
  async mint(request: MintRequest): Promise<MintResponse> {
    const response = await this.fetch(new URL('/_emulator/token', this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const json = (await response.json()) as MintResponse & { error_description?: string };
    if (response.status !== 200) throw new Error(`Minting a token failed (${response.status}): ${json.error_description ?? ''}`);
    return json;
  }

  /** Runs the authorization code + PKCE flow headlessly (see {@link signInWithCodeFlow}). */
  async signIn(options: SignInOptions): Promise<SignInResult> {
    return signInWithCodeFlow(this.fetch, await this.endpoints(), await this.config(), options);
  }
}
