import type { PowerBiRequest, PowerBiResponse } from '../http';

/** Sends one request as the operation's caller (bound by the client). */
export type Send = <T>(request: PowerBiRequest) => Promise<PowerBiResponse<T>>;

/** Options every operation accepts. */
export interface CallOptions {
  /** Abandons the call (and its retries). */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout. */
  timeoutMs?: number;
}
