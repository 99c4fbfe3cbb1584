/**
 * "Now" as Power BI sees it. Schedule slots and refresh times are in the service's time; in Azure
 * that is the real clock. The local Power BI emulator can move its clock forward (tests, demos),
 * so there `POWERBI_CLOCK_URL` points at its `/_emulator/clock` and we read the time from it.
 */
export interface ServiceClock {
  now(): Promise<number>;
}

/** The real clock (Azure). */
export const systemClock: ServiceClock = { now: async () => Date.now() };

/** The emulator's clock (`GET /_emulator/clock` → `{ now: ISO }`). */
export function emulatorClock(url: string, fetchImpl: typeof fetch = fetch): ServiceClock {
  return {
    async now() {
      const response = await fetchImpl(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`Power BI clock ${url} answered ${response.status}`);
      const body = (await response.json()) as { now?: unknown };
      const now = typeof body.now === 'string' ? Date.parse(body.now) : Number.NaN;
      if (Number.isNaN(now)) throw new Error(`Power BI clock ${url} gave no time`);
      return now;
    },
  };
}

/** A clock that always says `ms` (tests). */
export function fixedClock(ms: () => number): ServiceClock {
  return { now: async () => ms() };
}
