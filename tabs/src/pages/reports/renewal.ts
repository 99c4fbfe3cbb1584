/** Renew this long before the embed token expires (Microsoft's guidance for embedded reports). */
export const RENEW_BEFORE_MS = 2 * 60_000;
/** Never renew more often than this, whatever the token says (a clock skew must not make a loop). */
export const MIN_RENEW_DELAY_MS = 5_000;

/**
 * How long to wait before renewing an embed token: until two minutes before it expires. A token
 * that lives less than four minutes (tests, a short service-principal token) is renewed halfway
 * through its remaining life instead, so renewal never starts before the token is even used.
 */
export function renewalDelay(expiration: string, now = Date.now()): number {
  const remaining = Date.parse(expiration) - now;
  if (!Number.isFinite(remaining)) return MIN_RENEW_DELAY_MS;
  const lead = Math.min(RENEW_BEFORE_MS, remaining / 2);
  return Math.max(MIN_RENEW_DELAY_MS, Math.round(remaining - lead));
}
