import { sampleStores, stableGuid, type SampleStore } from '@planboard/server';

/** A row of the store master table (`pb_store`), as the Web API returns its columns. */
export interface StoreRecord {
  /** Primary key (GUID), `<logical name>id` as in every Dataverse table. */
  pb_storeid: string;
  /** The six-digit store id the sales workbooks carry (`store-<number>` scope in the app). */
  pb_storenumber: string;
  pb_name: string;
  /** City and country. */
  pb_location: string;
  pb_region: string;
  /** The sample tenant's business unit (`sales-north`, `sales-south`). */
  pb_businessunit: string;
  pb_manager: string;
  pb_manageremail: string;
  /** 0 active, 1 inactive (Dataverse's `statecode`). */
  statecode: number;
}

/** Stores opened too recently to have sales files yet: present in Dataverse, absent from OneDrive. */
export const storesWithoutSalesData: readonly string[] = [
  '105804',
  '106377',
  '106501',
  '107390',
  '107455',
  '207990',
  '208452',
  '208912',
  '208977',
  '209045',
];

function emailOf(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  return `${ascii.toLowerCase().replace(/[^a-z]+/g, '.')}@contoso.onmicrosoft.com`;
}

function record(store: SampleStore): StoreRecord {
  return {
    pb_storeid: stableGuid(`dataverse:pb_store:${store.number}`),
    pb_storenumber: store.number,
    pb_name: store.name,
    pb_location: store.location,
    pb_region: store.region,
    pb_businessunit: store.businessUnit,
    pb_manager: store.manager,
    pb_manageremail: emailOf(store.manager),
    statecode: 0,
  };
}

/** The 40 seeded stores: the sample tenant's stores (one list, in `@planboard/server`), as Dataverse rows. */
export function sampleStoreMaster(): StoreRecord[] {
  return sampleStores.map(record);
}

/** Six-digit ids of the seeded stores that have weekly sales workbooks in OneDrive. */
export function storesWithSalesData(): string[] {
  return sampleStoreMaster()
    .map((store) => store.pb_storenumber)
    .filter((number) => !storesWithoutSalesData.includes(number));
}
