/**
 * The Dataverse Web API emulator: `/api/data/v9.2/pb_stores` (the store master table) with
 * `$select`, `$filter`, `$orderby`, `$top`, `$count`, `Prefer: odata.maxpagesize`, Dataverse's
 * error bodies, service-protection 429s and app-only token checks.
 */
export {
  startDataverseEmulator,
  defaultEnvironmentUrl,
  defaultApplicationUser,
  type DataverseEmulatorOptions,
  type RunningDataverseEmulator,
} from './start';
export { sampleStoreMaster, storesWithSalesData, storesWithoutSalesData, type StoreRecord } from './seed/stores';
export { storeTable } from './model/store-table';
export type { ThrottleRule } from './control/throttle';
export type { RequestLogEntry } from './control/request-log';
