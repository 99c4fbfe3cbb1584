/** Push-dataset payloads (swagger `CreateDatasetRequest`, `Table`, `Column`, `Measure`, `Relationship`). */

/** `Column`: `dataType` is e.g. `Int64`, `Double`, `Decimal`, `String`, `Boolean`, `DateTime`. */
export interface Column {
  name: string;
  dataType: string;
  formatString?: string;
  sortByColumn?: string;
  dataCategory?: string;
  isHidden?: boolean;
  summarizeBy?: string;
}

/** `Measure`. */
export interface Measure {
  name: string;
  expression: string;
  formatString?: string;
  description?: string;
  isHidden?: boolean;
}

/** `Table`. */
export interface Table {
  name: string;
  columns: Column[];
  measures?: Measure[];
  isHidden?: boolean;
  description?: string;
}

/** `Relationship`. */
export interface Relationship {
  name: string;
  fromTable: string;
  fromColumn: string;
  toTable: string;
  toColumn: string;
  crossFilteringBehavior?: 'OneDirection' | 'BothDirections' | 'Automatic';
}

/** `CreateDatasetRequest` for `POST /groups/{groupId}/datasets`. */
export interface CreatePushDatasetRequest {
  name: string;
  tables: Table[];
  relationships?: Relationship[];
  defaultMode?: 'Push' | 'Streaming' | 'PushStreaming' | 'AsAzure' | 'AsOnPrem';
}

/** The `defaultRetentionPolicy` query parameter: `basicFIFO` keeps the newest 200k rows per table. */
export type RetentionPolicy = 'None' | 'basicFIFO';

/** A row for `POST …/rows`: column name → value. */
export type PushRow = Record<string, string | number | boolean | null>;
