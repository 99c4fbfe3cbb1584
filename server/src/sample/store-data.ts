import { dayParts, storeSalesRowKey, type StoreMasterEntity, type StoreSalesEntity } from '../stores/tables';
import { sampleStores, type SampleStore } from './stores';

/** Weeks of sample sales seeded per store, so the Stores page has data before the pipeline runs. */
export const sampleStoreSalesWeeks = 4;

/** The stores with seeded sales: the sample tenant's original eight (the pipeline loads the rest). */
export const sampleStoresWithSales: readonly string[] = ['104233', '104871', '105102', '105660', '207415', '207932', '208104', '208577'];

const dayMs = 86_400_000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function emailOf(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  return `${ascii.toLowerCase().replace(/[^a-z]+/g, '.')}@contoso.onmicrosoft.com`;
}

/** `storemaster` rows as the Dataverse sync writes them (the sync overwrites them later). */
export function sampleStoreMasterEntities(syncedAt: Date): StoreMasterEntity[] {
  return sampleStores.map((store) => ({
    partitionKey: 'store',
    rowKey: store.number,
    storeNumber: store.number,
    name: store.name,
    location: store.location,
    region: store.region,
    businessUnit: store.businessUnit,
    manager: store.manager,
    managerEmail: emailOf(store.manager),
    active: true,
    syncedAt: syncedAt.toISOString(),
  }));
}

/** Share of a day's sales per day part, and a deterministic per-store size, so charts have shape. */
const dayPartShare = { breakfast: 0.15, lunch: 0.35, dinner: 0.38, late: 0.12 } as const;
const sizeOf = (store: SampleStore): number => 6_000 + (Number(store.number) % 997) * 6;

/**
 * `storesales` rows for the last {@link sampleStoreSalesWeeks} full ISO weeks (Monday–Sunday)
 * before `now`. Deterministic in store, date and day part, so a re-seed writes the same values.
 */
export function sampleStoreSalesEntities(now: Date): StoreSalesEntity[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  const firstDay = today - (sinceMonday + 7 * sampleStoreSalesWeeks) * dayMs;
  const loadedAt = now.toISOString();
  return sampleStores
    .filter((store) => sampleStoresWithSales.includes(store.number))
    .flatMap((store) =>
      Array.from({ length: 7 * sampleStoreSalesWeeks }, (_, day) => isoDate(firstDay + day * dayMs)).flatMap((date) => {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        const weekend = weekday === 0 || weekday === 6 ? 1.25 : 1;
        const wobble = 0.9 + ((Number(date.replace(/-/g, '')) + Number(store.number)) % 17) / 80;
        return dayParts.map((dayPart): StoreSalesEntity => {
          const netSales = Math.round(sizeOf(store) * weekend * wobble * dayPartShare[dayPart] * 100) / 100;
          return {
            partitionKey: store.number,
            rowKey: storeSalesRowKey(date, dayPart),
            storeNumber: store.number,
            date,
            dayPart,
            netSales,
            transactions: Math.round(netSales / 11.5),
            labourHours: Math.round((netSales / 95) * 4) / 4,
            source: 'sample-tenant-seed',
            runId: 'sample-tenant-seed',
            loadedAt,
          };
        });
      }),
    );
}
