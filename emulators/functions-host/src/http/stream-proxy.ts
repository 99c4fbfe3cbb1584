import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FunctionDescriptor } from '../catalog/describe';
import type { Invoker } from '../core/retry';
import { headerRecord, httpTriggerMetadata, queryRecord } from './request';
import { writeEmpty } from './response';

/** One streaming invocation: the request/response bodies flow through the library's HTTP proxy. */
export interface StreamingCall {
  fn: FunctionDescriptor;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  invoker: Invoker;
  streamUri: string;
  invocationId: string;
  reason: string;
  extraHeaders: Record<string, string>;
}

// When a handler returns nothing the library never answers the proxied request; give it this long.
const NO_RESPONSE_GRACE_MS = 1000;

/**
 * HTTP streaming (`app.setup({ enableHttpStream: true })`), done as the real host does it: the
 * invocation message carries only headers/params in trigger metadata, while the raw request is
 * forwarded to the URI the library announced (tagged with `x-ms-invocation-id`) and the library's
 * reply on that connection is piped back to the client.
 */
export async function proxyStreamingInvocation(call: StreamingCall): Promise<void> {
  const { req, res, url, invocationId } = call;
  const target = new URL(`${url.pathname}${url.search}`, call.streamUri);
  const headers = {
    ...req.headers,
    'x-ms-invocation-id': invocationId,
    'x-forwarded-host': url.host,
    'x-forwarded-proto': url.protocol.replace(':', ''),
  };
  let answered = false;
  const proxied = new Promise<void>((resolve) => {
    const upstream = httpRequest(target, { method: req.method, headers }, (proxyRes) => {
      answered = true;
      const { connection: _connection, 'keep-alive': _keepAlive, ...upstreamHeaders } = proxyRes.headers;
      res.writeHead(proxyRes.statusCode ?? 200, { ...upstreamHeaders, ...call.extraHeaders });
      proxyRes.pipe(res);
      proxyRes.on('end', resolve);
      proxyRes.on('error', () => resolve());
    });
    upstream.on('error', () => resolve());
    res.on('close', () => {
      upstream.destroy();
      resolve();
    });
    req.pipe(upstream);
  });
  const http = {
    method: req.method ?? 'GET',
    url: url.toString(),
    headers: headerRecord(req),
    query: queryRecord(url.searchParams),
    params: call.params,
  };
  await call.invoker(
    call.fn.fn,
    { invocationId, inputData: [{ name: call.fn.triggerName, data: { http } }], triggerMetadata: httpTriggerMetadata(http) },
    call.reason,
  );
  await Promise.race([proxied, new Promise((resolve) => setTimeout(resolve, NO_RESPONSE_GRACE_MS).unref())]);
  if (!answered) writeEmpty(res, 200, call.extraHeaders);
  else await proxied;
}
