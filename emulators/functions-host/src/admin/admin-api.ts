import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FunctionDescriptor } from '../catalog/describe';
import type { InvocationInput } from '../core/invoke';
import type { Invoker } from '../core/retry';
import { writeLog } from '../log/logger';
import { readBody } from '../http/request';

/** What the admin API needs from the running host. */
export interface AdminContext {
  hostId: string;
  instanceId: string;
  startedAt: number;
  state: () => 'Default' | 'Running' | 'Stopping';
  functions: () => readonly FunctionDescriptor[];
  baseUrl: () => string;
  invoker: Invoker;
  /** Builds the invocation input for a manual (admin) run of a non-HTTP function. */
  manualInput: (fn: FunctionDescriptor, input: string) => InvocationInput;
}

/** Emulator version reported by `/admin/host/status`. */
export const HOST_VERSION = '4.0.0-planboard-emulator';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** A function as `/admin/functions` lists it: the host's FunctionMetadataResponse plus a `trigger` summary. */
export function functionJson(fn: FunctionDescriptor, baseUrl: string): Record<string, unknown> {
  const bindings = Object.entries(fn.fn.metadata.bindings).map(([name, binding]) => ({ ...binding, name }));
  const trigger: Record<string, unknown> = { name: fn.triggerName, type: fn.triggerType };
  if (fn.http) Object.assign(trigger, { route: fn.http.route, path: fn.http.path, methods: fn.http.methods, authLevel: fn.http.authLevel });
  if (fn.timer) Object.assign(trigger, { schedule: fn.timer.schedule, runOnStartup: fn.timer.runOnStartup });
  if (fn.queue) Object.assign(trigger, { queueName: fn.queue.queueName, connection: fn.queue.connection ?? 'AzureWebJobsStorage' });
  return {
    name: fn.name,
    href: `${baseUrl}/admin/functions/${encodeURIComponent(fn.name)}`,
    invoke_url_template: fn.http ? `${baseUrl}${fn.http.path}` : null,
    language: 'node',
    isDisabled: fn.disabled,
    isDirect: true,
    isProxy: false,
    scriptFile: fn.fn.scriptFile ?? null,
    trigger,
    config: { bindings },
    ...(fn.error ? { error: fn.error } : {}),
  };
}

async function invokeManually(ctx: AdminContext, fn: FunctionDescriptor, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (fn.kind === 'http') return sendJson(res, 400, { error: `'${fn.name}' is HTTP-triggered: call ${fn.http?.path} instead.` });
  if (fn.error) return sendJson(res, 400, { error: fn.error });
  let input = '';
  const text = (await readBody(req, 10 * 1024 * 1024)).toString('utf8');
  if (text.trim()) {
    try {
      const parsed = JSON.parse(text) as { input?: unknown };
      input = typeof parsed.input === 'string' ? parsed.input : parsed.input === undefined ? '' : JSON.stringify(parsed.input);
    } catch {
      return sendJson(res, 400, { error: 'Body must be JSON like {"input": "..."}.' });
    }
  }
  // 202 first, like the host: the run continues in the background and is reported in the log.
  res.statusCode = 202;
  res.setHeader('Content-Length', 0);
  res.end();
  ctx.invoker(fn.fn, ctx.manualInput(fn, input), 'This function was programmatically called via the host APIs.').catch((error: Error) => {
    writeLog({ level: 'debug', category: 'Host.Admin', message: `Manual invocation of '${fn.name}' failed: ${error.message}` });
  });
}

/**
 * The subset of the host's admin API that local tools use: `/admin/host/status`, `/admin/host/ping`,
 * `GET /admin/functions[/{name}]` and `POST /admin/functions/{name}` (run a non-HTTP function now).
 * Local admin calls need no master key, as with `func start`. Returns false for non-admin paths.
 */
export async function handleAdmin(ctx: AdminContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const lower = path.toLowerCase().replace(/\/+$/, '');
  if (lower !== '/admin' && !lower.startsWith('/admin/')) return false;
  const method = (req.method ?? 'GET').toUpperCase();
  if (lower === '/admin/host/status' && (method === 'GET' || method === 'HEAD')) {
    const errors = ctx.functions().flatMap((fn) => (fn.error ? [fn.error] : []));
    sendJson(res, 200, {
      id: ctx.hostId,
      state: ctx.state(),
      version: HOST_VERSION,
      versionDetails: `${HOST_VERSION} (Planboard local Functions host emulator)`,
      platformVersion: '',
      instanceId: ctx.instanceId,
      computerName: hostname(),
      processUptime: Date.now() - ctx.startedAt,
      functionAppContentEditingState: 'Unknown',
      ...(errors.length > 0 ? { errors } : {}),
    });
    return true;
  }
  if (lower === '/admin/host/ping') {
    res.statusCode = 200;
    res.end();
    return true;
  }
  if (lower === '/admin/functions' && method === 'GET') {
    sendJson(
      res,
      200,
      ctx.functions().map((fn) => functionJson(fn, ctx.baseUrl())),
    );
    return true;
  }
  const named = /^\/admin\/functions\/([^/]+)$/.exec(path.replace(/\/+$/, ''));
  if (named) {
    const name = decodeURIComponent(named[1] ?? '');
    const fn = ctx.functions().find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!fn) sendJson(res, 404, { error: `Function '${name}' not found.` });
    else if (method === 'GET') sendJson(res, 200, functionJson(fn, ctx.baseUrl()));
    else if (method === 'POST') await invokeManually(ctx, fn, req, res);
    else sendJson(res, 405, { error: 'Use GET or POST.' });
    return true;
  }
  sendJson(res, 404, { error: 'Unknown admin endpoint.' });
  return true;
}
