import { PowerBiRequestError } from '../errors';
import { datasetPath, groupPath, seg } from '../normalize';
import type {
  EmbedToken,
  ExecuteQueriesError,
  ExecuteQueriesRequest,
  ExecuteQueriesResponse,
  ExecuteQueriesRow,
  GenerateTokenRequest,
  GenerateTokenRequestV2,
} from '../types-embed';
import type { CallOptions, Send } from './send';

/** Embed tokens. Generating one twice is harmless, so these POSTs are retried like reads. */
export class EmbedTokensApi {
  constructor(private readonly send: Send) {}

  /**
   * `POST /GenerateToken` (V2): one token for several reports/datasets/workspaces. For RLS
   * models pass `identities: [{ username, roles, datasets: [datasetId] }]`.
   */
  async generate(request: GenerateTokenRequestV2, options: CallOptions = {}): Promise<EmbedToken> {
    const { body } = await this.send<EmbedToken>({ method: 'POST', path: '/GenerateToken', body: request, idempotent: true, ...options });
    return body;
  }

  /** `POST /groups/{groupId}/reports/{reportId}/GenerateToken` (V1, one report). */
  async generateForReport(
    groupId: string,
    reportId: string,
    request: GenerateTokenRequest = { accessLevel: 'View' },
    options: CallOptions = {},
  ): Promise<EmbedToken> {
    const path = `${groupPath(groupId)}/reports/${seg(reportId)}/GenerateToken`;
    const { body } = await this.send<EmbedToken>({ method: 'POST', path, body: request, idempotent: true, ...options });
    return body;
  }
}

/** Options of {@link QueriesApi.execute}. */
export interface QueryOptions extends CallOptions {
  /** Runs the query as this UPN so the model's RLS applies (ignored for models without RLS). */
  impersonatedUserName?: string;
  includeNulls?: boolean;
}

/** DAX queries against a semantic model: `POST …/executeQueries` (one query, one table per call). */
export class QueriesApi {
  constructor(private readonly send: Send) {}

  /** Sends one DAX query and returns the raw response, partial results and errors included. */
  async execute(groupId: string | null, datasetId: string, query: string, options: QueryOptions = {}): Promise<ExecuteQueriesResponse> {
    const request: ExecuteQueriesRequest = { queries: [{ query }] };
    if (options.includeNulls !== undefined) request.serializerSettings = { includeNulls: options.includeNulls };
    if (options.impersonatedUserName !== undefined) request.impersonatedUserName = options.impersonatedUserName;
    // Reads only, so retrying after a fault is safe; DAX can be slow, hence a longer default timeout.
    const { body } = await this.send<ExecuteQueriesResponse>({
      method: 'POST',
      // Without a group: users who hold only dataset permission (typical with RLS) are not workspace members.
      path: `${groupId === null ? `/datasets/${seg(datasetId)}` : datasetPath(groupId, datasetId)}/executeQueries`,
      body: request,
      idempotent: true,
      timeoutMs: options.timeoutMs ?? 120_000,
      signal: options.signal,
    });
    return body;
  }

  /**
   * The rows of the query's single table. Over a limit (100k rows, 1M values, 15 MB) the
   * service answers 200 with partial rows plus an error at some level; this refuses partial data.
   * @throws PowerBiRequestError with the service's error code when any level reports an error
   */
  async rows(groupId: string | null, datasetId: string, query: string, options: QueryOptions = {}): Promise<ExecuteQueriesRow[]> {
    const response = await this.execute(groupId, datasetId, query, options);
    const result = response.results?.[0];
    const table = result?.tables?.[0];
    const error: ExecuteQueriesError | undefined = response.error ?? result?.error ?? table?.error;
    if (error) {
      throw new PowerBiRequestError({
        message: `executeQueries returned an error: ${error.message ?? error.code ?? 'unknown'}`,
        status: 200,
        code: error.code ?? 'DatasetExecuteQueriesError',
        method: 'POST',
        path: 'executeQueries',
      });
    }
    return table?.rows ?? [];
  }
}
