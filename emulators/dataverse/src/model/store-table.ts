import { randomUUID } from 'node:crypto';
import type { Scalar } from '../odata/filter';
import { sampleStoreMaster, type StoreRecord } from '../seed/stores';

/** The table's Web API names. */
export const storeTable = {
  entitySet: 'pb_stores',
  entityType: 'pb_store',
  primaryKey: 'pb_storeid',
  /** The alternate key: `pb_stores(pb_storenumber='104233')`. */
  alternateKey: 'pb_storenumber',
  columns: [
    'pb_storeid',
    'pb_storenumber',
    'pb_name',
    'pb_location',
    'pb_region',
    'pb_businessunit',
    'pb_manager',
    'pb_manageremail',
    'statecode',
    'modifiedon',
    'versionnumber',
  ],
} as const;

/** A stored row: the record plus the system columns Dataverse maintains. */
export type StoredRow = StoreRecord & { modifiedon: string; versionnumber: number };

/** A change the control API applies: a full record or the columns to change. */
export type StoreChange = Partial<Omit<StoreRecord, 'pb_storeid' | 'pb_storenumber'>>;

/** The store master table in memory; `versionnumber` grows with every write, as Dataverse's rowversion does. */
export class StoreTable {
  private readonly rows = new Map<string, StoredRow>();
  private version = 1000;

  reset(seed: boolean): void {
    this.rows.clear();
    if (seed) for (const record of sampleStoreMaster()) this.write(record);
  }

  private write(record: StoreRecord): StoredRow {
    this.version += 1;
    const row: StoredRow = { ...record, modifiedon: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), versionnumber: this.version };
    this.rows.set(record.pb_storeid, row);
    return row;
  }

  /** Rows ordered by primary key (Dataverse's order when there is no `$orderby`). */
  all(): StoredRow[] {
    return [...this.rows.values()].sort((a, b) => a.pb_storeid.localeCompare(b.pb_storeid));
  }

  byId(id: string): StoredRow | undefined {
    return this.rows.get(id.toLowerCase());
  }

  byNumber(number: string): StoredRow | undefined {
    return [...this.rows.values()].find((row) => row.pb_storenumber === number);
  }

  /** Creates the store or changes the given columns of an existing one (control API `PUT`). */
  upsert(number: string, change: StoreChange): StoredRow {
    if (!/^\d{6}$/.test(number)) throw new Error('A store number has six digits');
    const current = this.byNumber(number);
    const base: StoreRecord = current ?? {
      pb_storeid: randomUUID(),
      pb_storenumber: number,
      pb_name: `Store ${number}`,
      pb_location: '',
      pb_region: '',
      pb_businessunit: '',
      pb_manager: '',
      pb_manageremail: '',
      statecode: 0,
    };
    const known = Object.fromEntries(Object.entries(change).filter(([key]) => (storeTable.columns as readonly string[]).includes(key)));
    return this.write({ ...base, ...known, pb_storeid: base.pb_storeid, pb_storenumber: number });
  }

  delete(number: string): boolean {
    const row = this.byNumber(number);
    return row ? this.rows.delete(row.pb_storeid) : false;
  }
}

/** A row as the Web API returns it: `@odata.etag` and the selected columns (the primary key always). */
export function projectRow(row: StoredRow, select: readonly string[] | undefined): Record<string, Scalar> {
  const columns = select ? [...new Set([...select, storeTable.primaryKey])] : storeTable.columns;
  const values = row as unknown as Record<string, Scalar>;
  return { '@odata.etag': `W/"${row.versionnumber}"`, ...Object.fromEntries(columns.map((column) => [column, values[column] ?? null])) };
}
