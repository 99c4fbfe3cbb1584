import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { FunctionDescriptor } from '../catalog/describe';
import { InvocationError } from '../core/invoke';
import type { Invoker } from '../core/retry';
import type { RpcHttpData, RpcInvocationResponse } from '../core/types';
import { writeLog } from '../log/logger';
import { BodyTooLargeError, httpTriggerMetadata, readBody, toRpcHttpRequest } from './request';
import { writeEmpty, writeRpcHttpResponse } from './response';
import { proxyStreamingInvocation } from './stream-proxy';

/** Header carrying the invocation id on failed requests, so a 500 can be traced to its log lines. */
export const INVOCATION_ID_HEADER = 'x-ms-invocation-id';

/** The function's HTTP output: `$return` or a named `http` output binding. */
export function findHttpOutput(fn: FunctionDescriptor, response: RpcInvocationResponse): RpcHttpData | undefined {
  for (const [name, binding] of Object.entries(fn.fn.metadata.bindings)) {
    if (binding.direction !== 'out' || String(binding.type).toLowerCase() !== 'http') continue;
    const data = name === '$return' ? response.returnValue : response.outputData?.find((output) => output.name === name)?.data;
    if (data?.http) return data.http;
  }
  return undefined;
}

/** Per-request inputs for {@link invokeHttpFunction}. */
export interface HttpInvocation {
  fn: FunctionDescriptor;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  invoker: Invoker;
  /** Set when the app enabled HTTP streaming (`app.setup({ enableHttpStream: true })`). */
  streamUri?: string;
  extraHeaders: Record<string, string>;
}

/**
 * Runs an HTTP-triggered function for one request and writes its response. A failed invocation is
 * an empty 500 as on Azure, plus the invocation id header; the stack is in the host log.
 */
export async function invokeHttpFunction(call: HttpInvocation): Promise<void> {
  const { fn, req, res, url, params, invoker } = call;
  const invocationId = randomUUID();
  const reason = `This function was programmatically called via the host APIs.`;
  try {
    if (call.streamUri) {
      await proxyStreamingInvocation({ ...call, streamUri: call.streamUri, invocationId, reason });
      return;
    }
    const body = await readBody(req);
    const http = toRpcHttpRequest(req, url, body, params);
    const outcome = await invoker(
      fn.fn,
      { invocationId, inputData: [{ name: fn.triggerName, data: { http } }], triggerMetadata: httpTriggerMetadata(http) },
      reason,
    );
    const output = findHttpOutput(fn, outcome.response);
    // No response from the handler: the host's FunctionInvocationMiddleware falls back to 200 OK.
    writeRpcHttpResponse(res, output ?? { statusCode: '200' }, call.extraHeaders);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      writeEmpty(res, 413, call.extraHeaders);
      return;
    }
    if (!(error instanceof InvocationError)) {
      writeLog({
        level: 'error',
        category: `Function.${fn.name}`,
        message: `Request failed before the function ran (Id=${invocationId}): ${(error as Error)?.stack ?? String(error)}`,
        functionName: fn.name,
        invocationId,
      });
    }
    writeEmpty(res, 500, { ...call.extraHeaders, [INVOCATION_ID_HEADER]: invocationId });
  }
}
