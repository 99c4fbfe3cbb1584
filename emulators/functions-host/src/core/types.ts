/**
 * The subset of the `@azure/functions-core` contract (types-core/index.d.ts in
 * Azure/azure-functions-nodejs-worker) that this host implements. Shapes mirror the worker's
 * protobuf messages after its camelCase conversion, so the programming model sees what it sees on Azure.
 */

/** Log levels as the worker passes them to the programming model. */
export type RpcLogLevel = 'trace' | 'debug' | 'information' | 'warning' | 'error' | 'critical' | 'none';
/** Whether a log line came from user code, the library/host, or a custom metric. */
export type RpcLogCategory = 'user' | 'system' | 'customMetric';

/** One binding of a function as registered (trigger, input or output). */
export interface RpcBindingInfo {
  type?: string | null;
  direction?: 'in' | 'out' | 'inout' | null;
  dataType?: 'undefined' | 'string' | 'binary' | 'stream' | null;
  [property: string]: unknown;
}

/** A protobuf Duration (retry intervals). */
export interface RpcDuration {
  seconds?: number | null;
  nanos?: number | null;
}

/** Retry policy attached by `app.*({ retry })`. */
export interface RpcRetryOptions {
  maxRetryCount?: number | null;
  delayInterval?: RpcDuration | null;
  minimumInterval?: RpcDuration | null;
  maximumInterval?: RpcDuration | null;
  retryStrategy?: 'exponentialBackoff' | 'fixedDelay' | null;
}

/** What `registerFunction` receives from the programming model. */
export interface FunctionMetadata {
  name: string;
  functionId?: string;
  bindings: Record<string, RpcBindingInfo>;
  retryOptions?: RpcRetryOptions;
}

/** The worker's view of a function (what `CoreInvocationContext.metadata` carries). */
export interface RpcFunctionMetadata {
  name?: string | null;
  functionId?: string | null;
  directory?: string | null;
  scriptFile?: string | null;
  bindings?: Record<string, RpcBindingInfo> | null;
  rawBindings?: string[] | null;
  retryOptions?: RpcRetryOptions | null;
  language?: string | null;
}

/** A nullable wrapper as used by the HTTP cookie/header messages. */
export interface RpcNullable<T> {
  value?: T | null;
}

/** Cookie as the programming model returns it inside an HTTP response. */
export interface RpcHttpCookie {
  name?: string | null;
  value?: string | null;
  domain?: RpcNullable<string> | null;
  path?: RpcNullable<string> | null;
  expires?: RpcNullable<{ seconds?: number | null; nanos?: number | null }> | null;
  secure?: RpcNullable<boolean> | null;
  httpOnly?: RpcNullable<boolean> | null;
  sameSite?: 'none' | 'lax' | 'strict' | 'explicitNone' | null;
  maxAge?: RpcNullable<number> | null;
}

/** HTTP request (host → worker) or response (worker → host). */
export interface RpcHttpData {
  method?: string | null;
  url?: string | null;
  headers?: Record<string, string> | null;
  body?: RpcTypedData | null;
  params?: Record<string, string> | null;
  statusCode?: string | null;
  query?: Record<string, string> | null;
  enableContentNegotiation?: boolean | null;
  cookies?: RpcHttpCookie[] | null;
}

/** A tagged value: exactly one member is set. */
export interface RpcTypedData {
  string?: string | null;
  json?: string | null;
  bytes?: Uint8Array | null;
  stream?: Uint8Array | null;
  http?: RpcHttpData | null;
  int?: number | null;
  double?: number | null;
  collectionBytes?: { bytes?: Uint8Array[] | null } | null;
  collectionString?: { string?: string[] | null } | null;
  collectionDouble?: { double?: number[] | null } | null;
  collectionSint64?: { sint64?: number[] | null } | null;
}

/** A named value in an invocation request or response. */
export interface RpcParameterBinding {
  name?: string | null;
  data?: RpcTypedData | null;
}

/** Exception details handed to a retried invocation. */
export interface RpcException {
  source?: string | null;
  stackTrace?: string | null;
  message?: string | null;
}

/** Retry state of the current attempt. */
export interface RpcRetryContext {
  retryCount?: number | null;
  maxRetryCount?: number | null;
  exception?: RpcException | null;
}

/** The host's InvocationRequest (after the worker's conversion). */
export interface RpcInvocationRequest {
  invocationId?: string | null;
  functionId?: string | null;
  inputData?: RpcParameterBinding[] | null;
  triggerMetadata?: Record<string, RpcTypedData> | null;
  traceContext?: { traceParent?: string | null; traceState?: string | null; attributes?: Record<string, string> | null } | null;
  retryContext?: RpcRetryContext | null;
}

/** What the programming model returns from `getResponse`. */
export interface RpcInvocationResponse {
  invocationId?: string | null;
  outputData?: RpcParameterBinding[] | null;
  returnValue?: RpcTypedData | null;
}

/** Which phase an invocation is in (the library warns about logs after completion). */
export type InvocationState = 'preInvocationHooks' | 'postInvocationHooks' | 'invocation';

/** Per-invocation context handed to `ProgrammingModel.getInvocationModel`. */
export interface CoreInvocationContext {
  invocationId: string;
  request: RpcInvocationRequest;
  metadata: RpcFunctionMetadata;
  state?: InvocationState;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
}

/** The user's handler as registered. */
export type FunctionCallback = (...args: unknown[]) => unknown;

/** Result of `InvocationModel.getArguments`. */
export interface InvocationArguments {
  context: unknown;
  inputs: unknown[];
}

/** Per-invocation conversions supplied by the programming model (`@azure/functions`). */
export interface InvocationModel {
  getArguments(): Promise<InvocationArguments>;
  invokeFunction(context: unknown, inputs: unknown[], callback: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<RpcInvocationResponse>;
}

/** The programming model registered by `@azure/functions` through `setProgrammingModel`. */
export interface ProgrammingModel {
  name: string;
  version: string;
  getInvocationModel(coreContext: CoreInvocationContext): InvocationModel | Promise<InvocationModel>;
  getCapabilities?(defaultCapabilities: Record<string, string>): Record<string, string> | Promise<Record<string, string>>;
}

/** Shared data bag of hook contexts. */
export type HookData = Record<string, unknown>;

/** Context passed to every hook; the library wraps it in its own classes. */
export interface HookContext {
  readonly hookData: HookData;
  readonly appHookData: HookData;
  [property: string]: unknown;
}

/** A hook registered with `registerHook`. */
export type HookCallback = (context: HookContext) => void | Promise<void>;
