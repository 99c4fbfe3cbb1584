import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import { createHash } from 'node:crypto';
import { PowerBiAuthError, PowerBiConsentRequiredError, PowerBiTransientError } from './errors';

/** The Power BI resource's default scope (application permissions, or everything consented for OBO). */
export const powerBiScope = 'https://analysis.windows.net/powerbi/api/.default';

/**
 * Where bearer tokens for Power BI come from. `callerKey` names the principal the service
 * throttles (Power BI limits per user / per service principal), so the client can keep one
 * `Retry-After` gate per caller.
 */
export interface TokenSource {
  readonly callerKey: string;
  getToken(): Promise<string>;
}

/** A token acquired elsewhere (tests, or a caller that already holds a Power BI token). */
export class StaticTokenSource implements TokenSource {
  constructor(
    private readonly token: string,
    readonly callerKey = 'static',
  ) {}

  getToken(): Promise<string> {
    return Promise.resolve(this.token);
  }
}

/** Settings of the app registration the API signs in with. */
export interface ConfidentialClientOptions {
  clientId: string;
  clientSecret: string;
  /** `https://login.microsoftonline.com/<tenant>` in Azure; `https://localhost:<port>/<tenant>` locally. */
  authority: string;
  /**
   * Hosts msal may trust without Microsoft's instance discovery. Default: none for Microsoft
   * login hosts, the authority's own host otherwise (msal rejects an unknown host, and instance
   * discovery cannot know a local provider).
   */
  knownAuthorities?: string[];
  /** msal's HTTP client; e.g. {@link fetchNetworkModule} with a fetch that trusts a local CA. */
  networkClient?: INetworkModule;
}

const microsoftLoginHost = /(^|\.)login\.(microsoftonline\.(com|us)|microsoft\.com|chinacloudapi\.cn|partner\.microsoftonline\.cn)$/i;

/**
 * One msal confidential client per app registration and process: msal's in-memory cache lives
 * in it, so sharing it is what makes repeated `getToken()` calls free until the token nears
 * expiry (msal renews 5 minutes before `expires_in` runs out, or at `refresh_in`).
 */
export function createConfidentialClient(options: ConfidentialClientOptions): ConfidentialClientApplication {
  const host = new URL(options.authority).host;
  const knownAuthorities = options.knownAuthorities ?? (microsoftLoginHost.test(host) ? [] : [host]);
  return new ConfidentialClientApplication({
    auth: { clientId: options.clientId, clientSecret: options.clientSecret, authority: options.authority, knownAuthorities },
    system: options.networkClient ? { networkClient: options.networkClient } : undefined,
  });
}

/** msal failures become typed errors; network trouble is transient, everything else is configuration. */
/** msal's sign that only the user can unblock the token: consent, or another interactive step. */
function needsInteraction(error: unknown): boolean {
  const { errorCode, subError, message } = (error ?? {}) as { errorCode?: string; subError?: string; message?: string };
  return (
    ['consent_required', 'interaction_required', 'login_required'].includes(String(errorCode)) ||
    ['consent_required', 'interaction_required', 'basic_action', 'additional_action', 'message_only'].includes(String(subError)) ||
    /AADSTS65001|AADSTS50076|AADSTS50079/.test(String(message))
  );
}

function tokenError(error: unknown, flow: string): Error {
  const code = (error as { errorCode?: string } | undefined)?.errorCode ?? 'TokenAcquisitionFailed';
  const message = `Could not acquire a Power BI token (${flow}): ${error instanceof Error ? error.message : String(error)}`;
  if (needsInteraction(error)) return new PowerBiConsentRequiredError({ message, code, cause: error });
  const transient = /network|timeout|ECONN|ENOTFOUND|EAI_AGAIN/i.test(`${code} ${message}`);
  return transient ? new PowerBiTransientError({ message, code, cause: error }) : new PowerBiAuthError({ message, code, cause: error });
}

/** The API's own identity: client credentials for the Power BI service principal. */
export class ServicePrincipalTokenSource implements TokenSource {
  readonly callerKey: string;

  constructor(
    private readonly app: ConfidentialClientApplication,
    clientId: string,
    private readonly scopes: string[] = [powerBiScope],
  ) {
    this.callerKey = `app:${clientId}`;
  }

  /** Builds the msal client from options; prefer the constructor to share one client. */
  static fromOptions(options: ConfidentialClientOptions): ServicePrincipalTokenSource {
    return new ServicePrincipalTokenSource(createConfidentialClient(options), options.clientId);
  }

  async getToken(): Promise<string> {
    try {
      // msal answers from its cache until the token is close to expiry; no cache of our own.
      const result = await this.app.acquireTokenByClientCredential({ scopes: this.scopes });
      if (!result?.accessToken) throw new Error('msal returned no access token');
      return result.accessToken;
    } catch (error) {
      throw tokenError(error, 'client credentials');
    }
  }
}

/** The `oid` (else `sub`) of a JWT, unverified: the API has validated it already; it only keys the gate. */
function subjectOf(assertion: string): string {
  try {
    const payload = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as { oid?: string; sub?: string };
    if (payload.oid ?? payload.sub) return String(payload.oid ?? payload.sub);
  } catch {
    // Not a JWT: fall through to a hash so distinct assertions still get distinct gates.
  }
  return createHash('sha256').update(assertion).digest('hex').slice(0, 16);
}

/**
 * Calls made as the signed-in user: exchanges the user's token for the API (the assertion) for a
 * delegated Power BI token (on-behalf-of). msal caches the result per assertion.
 */
export class OnBehalfOfTokenSource implements TokenSource {
  readonly callerKey: string;

  constructor(
    private readonly app: ConfidentialClientApplication,
    private readonly userAssertion: string,
    private readonly scopes: string[] = [powerBiScope],
  ) {
    this.callerKey = `user:${subjectOf(userAssertion)}`;
  }

  async getToken(): Promise<string> {
    try {
      const result = await this.app.acquireTokenOnBehalfOf({ oboAssertion: this.userAssertion, scopes: this.scopes });
      if (!result?.accessToken) throw new Error('msal returned no access token');
      return result.accessToken;
    } catch (error) {
      throw tokenError(error, 'on-behalf-of');
    }
  }
}

/** The part of `fetch` msal needs. */
export type FetchLike = (url: string, init: { method: string; headers?: Record<string, string>; body?: string }) => Promise<Response>;

/**
 * Adapts a `fetch` to msal's network interface, so msal can use a fetch that trusts the local
 * CA (Node reads `NODE_EXTRA_CA_CERTS` only at start-up) or a test double.
 */
export function fetchNetworkModule(fetchImpl: FetchLike): INetworkModule {
  const send = async <T>(method: string, url: string, options?: { headers?: Record<string, string>; body?: string }) => {
    const response = await fetchImpl(url, { method, headers: options?.headers, body: options?.body });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    const text = await response.text();
    return { status: response.status, headers, body: (text ? JSON.parse(text) : {}) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
