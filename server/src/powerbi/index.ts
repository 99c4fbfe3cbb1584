/**
 * Power BI REST client: typed operations, service-principal and on-behalf-of auth (msal-node),
 * and cockatiel resilience (Retry-After gate, jittered backoff, concurrency limit, timeouts).
 */
export { createPowerBiClient, PowerBiClient, PowerBiConfigurationError, powerBiBaseUrls, type PowerBiClientOptions } from './client';
export { httpDefaults, PowerBiHttp, type PowerBiHttpOptions, type PowerBiRequest, type PowerBiResponse } from './http';
export { retryDefaults, type RetrySettings } from './retry';
export { systemClock, type Clock } from './throttle-gate';
export {
  createConfidentialClient,
  fetchNetworkModule,
  OnBehalfOfTokenSource,
  powerBiScope,
  ServicePrincipalTokenSource,
  StaticTokenSource,
  type ConfidentialClientOptions,
  type FetchLike,
  type TokenSource,
} from './auth';
export {
  parseServiceException,
  PowerBiAuthError,
  PowerBiConsentRequiredError,
  PowerBiError,
  PowerBiRequestError,
  PowerBiThrottledError,
  PowerBiTimeoutError,
  PowerBiTransientError,
  type PowerBiFaultKind,
} from './errors';
export { chunkRows, maxRowsPerPost } from './operations/push';
export { isEnhancedRefresh } from './operations/refreshes';
export type { QueryOptions } from './operations/embedding';
export type { CallOptions } from './operations/send';
export type * from './types';
export type * from './types-embed';
export type * from './types-push';
