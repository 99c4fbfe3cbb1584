/**
 * Embedding and query payloads (swagger `EffectiveIdentity`, `GenerateTokenRequest[V2]`,
 * `EmbedToken`, `DatasetExecuteQueries*`), camelCase as the service sends them.
 */

/**
 * `EffectiveIdentity`: the row-level-security identity an embed token or query runs as.
 * `username` is required (≤256 chars); `roles` ≤50 (each ≤50 chars, no commas); `datasets`
 * names the datasets the identity applies to (required by the service for every identity).
 */
export interface EffectiveIdentity {
  username: string;
  roles?: string[];
  datasets?: string[];
  customData?: string;
  identityBlob?: { value: string };
  reports?: string[];
  auditableContext?: string;
}

/** `DatasourceIdentity` (SSO to Azure SQL and similar). */
export interface DatasourceIdentity {
  identityBlob: string;
  datasources: { datasourceType: string; connectionDetails: Record<string, string | undefined> }[];
}

/** `POST /GenerateToken` body (V2, multi-resource: ≤50 reports, datasets and workspaces). */
export interface GenerateTokenRequestV2 {
  reports?: { id: string; allowEdit?: boolean }[];
  datasets?: { id: string; xmlaPermissions?: 'Off' | 'ReadOnly' }[];
  targetWorkspaces?: { id: string }[];
  identities?: EffectiveIdentity[];
  /** Can only shorten the token's life (it never outlives the caller's Entra token). */
  lifetimeInMinutes?: number;
  datasourceIdentities?: DatasourceIdentity[];
}

/** `POST /groups/{groupId}/reports/{reportId}/GenerateToken` body (V1, one report). */
export interface GenerateTokenRequest {
  accessLevel?: 'View' | 'Edit' | 'Create';
  datasetId?: string;
  allowSaveAs?: boolean;
  identities?: EffectiveIdentity[];
  lifetimeInMinutes?: number;
}

/** `EmbedToken`. */
export interface EmbedToken {
  token: string;
  tokenId: string;
  /** UTC date-time. */
  expiration: string;
}

/** `DatasetExecuteQueriesRequest`: one DAX query per call. */
export interface ExecuteQueriesRequest {
  queries: { query: string }[];
  serializerSettings?: { includeNulls?: boolean };
  /** UPN the query runs as for RLS; ignored when the model has no RLS. */
  impersonatedUserName?: string;
}

/** `DatasetExecuteQueriesError`: the service may put one at response, result or table level. */
export interface ExecuteQueriesError {
  code?: string;
  message?: string;
}

/** One row: keys are `Table[Column]` for columns, `[Name]` for computed/renamed ones; nulls omitted. */
export type ExecuteQueriesRow = Record<string, string | number | boolean | null>;

/** `DatasetExecuteQueriesResponse`. */
export interface ExecuteQueriesResponse {
  results?: { tables?: { rows?: ExecuteQueriesRow[]; error?: ExecuteQueriesError }[]; error?: ExecuteQueriesError }[];
  error?: ExecuteQueriesError;
  informationProtectionLabel?: { id?: string; name?: string };
}
