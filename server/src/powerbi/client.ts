import type { ConfidentialClientApplication } from '@azure/msal-node';
import {
  createConfidentialClient,
  OnBehalfOfTokenSource,
  ServicePrincipalTokenSource,
  type ConfidentialClientOptions,
  type TokenSource,
} from './auth';
import { PowerBiHttp, type PowerBiHttpOptions, type PowerBiRequest } from './http';
import { EmbedTokensApi, QueriesApi } from './operations/embedding';
import { PushDatasetsApi } from './operations/push';
import { RefreshesApi } from './operations/refreshes';
import type { Send } from './operations/send';
import { CapacitiesApi, DatasetsApi, GroupsApi, ReportsApi } from './operations/workspace';

/** Base URLs of the Power BI REST API. */
export const powerBiBaseUrls = {
  production: 'https://api.powerbi.com/v1.0/myorg',
  /** The local emulator (emulators/powerbi). */
  emulator: 'http://127.0.0.1:7400/v1.0/myorg',
} as const;

/** Settings of {@link createPowerBiClient}: transport settings plus who the client calls as. */
export interface PowerBiClientOptions extends Omit<PowerBiHttpOptions, 'baseUrl'> {
  /** Default: {@link powerBiBaseUrls.emulator}. */
  baseUrl?: string;
  /** The service principal (msal client credentials); also enables {@link PowerBiClient.onBehalfOf}. */
  servicePrincipal?: ConfidentialClientOptions;
  /** Any other token source (tests, a token acquired elsewhere); wins over `servicePrincipal`. */
  tokenSource?: TokenSource;
}

/** Thrown when the client is built or used without the credentials an operation needs. */
export class PowerBiConfigurationError extends Error {
  override readonly name = 'PowerBiConfigurationError';
}

/**
 * The typed Power BI client. Operations are grouped by concern (`groups`, `datasets`,
 * `reports`, `refreshes`, `embedTokens`, `queries`, `push`, `capacities`); all paths are
 * workspace-scoped (`/groups/{groupId}/…`) except `GenerateToken` V2 and capacities.
 * Clients derived with {@link asCaller}/{@link onBehalfOf} share the transport: one concurrency
 * limit for the process, one `Retry-After` gate per caller.
 */
export class PowerBiClient {
  readonly groups: GroupsApi;
  readonly datasets: DatasetsApi;
  readonly reports: ReportsApi;
  readonly refreshes: RefreshesApi;
  readonly embedTokens: EmbedTokensApi;
  readonly queries: QueriesApi;
  readonly push: PushDatasetsApi;
  readonly capacities: CapacitiesApi;

  constructor(
    readonly http: PowerBiHttp,
    readonly caller: TokenSource,
    private readonly msalApp?: ConfidentialClientApplication,
  ) {
    const send: Send = (request: PowerBiRequest) => http.send(caller, request);
    this.groups = new GroupsApi(send);
    this.datasets = new DatasetsApi(send);
    this.reports = new ReportsApi(send);
    this.refreshes = new RefreshesApi(send);
    this.embedTokens = new EmbedTokensApi(send);
    this.queries = new QueriesApi(send);
    this.push = new PushDatasetsApi(send);
    this.capacities = new CapacitiesApi(send);
  }

  /** The same client calling as another principal (e.g. a delegated token). */
  asCaller(caller: TokenSource): PowerBiClient {
    return new PowerBiClient(this.http, caller, this.msalApp);
  }

  /**
   * The same client calling as the signed-in user: `userAssertion` is the user's token for our
   * API, exchanged on-behalf-of for a delegated Power BI token (msal caches it per assertion).
   */
  onBehalfOf(userAssertion: string): PowerBiClient {
    if (!this.msalApp)
      throw new PowerBiConfigurationError('On-behalf-of calls need the client to be created with servicePrincipal credentials');
    return this.asCaller(new OnBehalfOfTokenSource(this.msalApp, userAssertion));
  }
}

/**
 * Builds a client. Defaults: emulator base URL, 16 requests in flight, 30 s per attempt,
 * 6 throttled / 4 transient retries, backoff 250 ms → 10 s, Retry-After waits up to 60 s.
 */
export function createPowerBiClient(options: PowerBiClientOptions): PowerBiClient {
  const { servicePrincipal, tokenSource, ...http } = options;
  const msalApp = servicePrincipal ? createConfidentialClient(servicePrincipal) : undefined;
  const caller =
    tokenSource ?? (msalApp && servicePrincipal ? new ServicePrincipalTokenSource(msalApp, servicePrincipal.clientId) : undefined);
  if (!caller) throw new PowerBiConfigurationError('A Power BI client needs servicePrincipal credentials or a tokenSource');
  return new PowerBiClient(new PowerBiHttp({ ...http, baseUrl: http.baseUrl ?? powerBiBaseUrls.emulator }), caller, msalApp);
}
