import { randomUUID } from 'node:crypto';
import { writeLog } from '../log/logger';
import { applyLogHooks, executeHooks, hookContext } from './hooks';
import { registry, type RegisteredFunction } from './registry';
import type {
  CoreInvocationContext,
  FunctionCallback,
  InvocationState,
  RpcFunctionMetadata,
  RpcInvocationResponse,
  RpcParameterBinding,
  RpcRetryContext,
  RpcTypedData,
} from './types';

/** What a trigger hands to an invocation, in the host→worker message shape. */
export interface InvocationInput {
  inputData: RpcParameterBinding[];
  triggerMetadata?: Record<string, RpcTypedData>;
  retryContext?: RpcRetryContext;
  /** Pre-chosen id (HTTP uses it before the invocation starts). */
  invocationId?: string;
}

/** A completed invocation. */
export interface InvocationOutcome {
  invocationId: string;
  response: RpcInvocationResponse;
}

/** A failed invocation; keeps the id so callers can report it (HTTP 500 header, queue logs). */
export class InvocationError extends Error {
  constructor(
    readonly invocationId: string,
    readonly functionName: string,
    override readonly cause: unknown,
  ) {
    super(`Exception while executing function: Functions.${functionName}`);
    this.name = 'InvocationError';
  }
}

/** Converts the registered metadata to the shape the worker hands to the programming model. */
export function toRpcMetadata(fn: RegisteredFunction): RpcFunctionMetadata {
  const { metadata } = fn;
  return {
    name: metadata.name,
    functionId: metadata.functionId || metadata.name,
    bindings: metadata.bindings,
    rawBindings: Object.entries(metadata.bindings).map(([name, binding]) => JSON.stringify({ ...binding, name })),
    retryOptions: metadata.retryOptions,
    scriptFile: fn.scriptFile ?? 'unknown',
    language: 'node',
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Runs one invocation the way the Node worker's InvocationHandler does: the app's programming
 * model converts RPC data to arguments, preInvocation hooks may swap inputs/handler, the handler
 * runs, postInvocation hooks may replace result/error, and the model converts the result back.
 */
export async function invoke(fn: RegisteredFunction, input: InvocationInput, reason: string): Promise<InvocationOutcome> {
  const name = fn.metadata.name;
  const invocationId = input.invocationId ?? randomUUID();
  const started = Date.now();
  writeLog({
    level: 'information',
    category: `Function.${name}`,
    message: `Executing 'Functions.${name}' (Reason='${reason}', Id=${invocationId})`,
  });

  let invocationContext: unknown;
  const coreCtx: CoreInvocationContext & { state?: InvocationState } = {
    invocationId,
    request: {
      invocationId,
      functionId: fn.metadata.functionId || name,
      inputData: input.inputData,
      triggerMetadata: input.triggerMetadata ?? {},
      retryContext: input.retryContext,
    },
    metadata: toRpcMetadata(fn),
    state: undefined,
    log(level, category, message) {
      const entry = applyLogHooks({ level, category, message }, invocationContext);
      const logCategory = entry.category === 'user' ? `Function.${name}.User` : `Function.${name}`;
      writeLog({ level: entry.level, category: logCategory, message: entry.message, functionName: name, invocationId });
    },
  };

  try {
    const model = registry.programmingModel;
    if (!model) throw new Error('No programming model was registered by the app.');
    const invocationModel = await model.getInvocationModel(coreCtx);
    const hookData: Record<string, unknown> = {};
    const args = await invocationModel.getArguments();
    invocationContext = args.context;

    const pre = hookContext(hookData, { invocationContext: args.context, inputs: args.inputs, functionCallback: fn.callback });
    await runInState(coreCtx, 'preInvocationHooks', () => executeHooks('preInvocation', pre));

    const post = hookContext(hookData, { invocationContext: args.context, inputs: pre.inputs, result: null, error: null });
    await runInState(coreCtx, 'invocation', async () => {
      try {
        post.result = await invocationModel.invokeFunction(args.context, pre.inputs as unknown[], pre.functionCallback as FunctionCallback);
      } catch (error) {
        post.error = error;
      }
    });
    await runInState(coreCtx, 'postInvocationHooks', () => executeHooks('postInvocation', post));
    // A postInvocation hook may clear the error, which turns the invocation into a success on Azure too.
    if (post.error !== null && post.error !== undefined) throw post.error;

    const response = await invocationModel.getResponse(args.context, post.result);
    writeLog({
      level: 'information',
      category: `Function.${name}`,
      message: `Executed 'Functions.${name}' (Succeeded, Id=${invocationId}, Duration=${Date.now() - started}ms)`,
    });
    return { invocationId, response };
  } catch (error) {
    writeLog({
      level: 'error',
      category: `Function.${name}`,
      message: `Executed 'Functions.${name}' (Failed, Id=${invocationId}, Duration=${Date.now() - started}ms)\nException while executing function: Functions.${name}. Result: Failure\n${describeError(error)}`,
    });
    throw new InvocationError(invocationId, name, error);
  }
}

async function runInState(coreCtx: { state?: InvocationState }, state: InvocationState, action: () => Promise<void>): Promise<void> {
  coreCtx.state = state;
  try {
    await action();
  } finally {
    coreCtx.state = undefined;
  }
}
