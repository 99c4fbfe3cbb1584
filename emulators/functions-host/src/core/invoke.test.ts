/**
 * The invocation pipeline in-process, with the real `@azure/functions` library talking to our core
 * module (jest's module registry stands in for the resolve hook that the CLI installs).
 */
jest.mock('@azure/functions-core', () => require('./api'), { virtual: true });

import { app, HttpResponse, type HttpRequest, type InvocationContext } from '@azure/functions';
import { configureLogging } from '../log/logger';
import * as coreApi from './api';
import { invoke, InvocationError } from './invoke';
import { registry } from './registry';
import { invokeWithRetry, retryDelayMs } from './retry';
import type { RpcHttpData } from './types';

const logs: string[] = [];
const httpInput = (name: string, http: RpcHttpData) => ({ inputData: [{ name, data: { http } }] });
const fn = (name: string) => {
  const registered = registry.functions.get(name);
  if (!registered) throw new Error(`${name} is not registered`);
  return registered;
};

beforeAll(() => {
  configureLogging({}, (line) => logs.push(line));
  app.http('greet', {
    methods: ['POST'],
    handler: async (request: HttpRequest, context: InvocationContext) => {
      context.log('greeting', request.params.who);
      return new HttpResponse({
        status: 201,
        jsonBody: { hello: request.params.who, body: await request.text() },
        cookies: [{ name: 'c', value: '1' }],
      });
    },
  });
  app.http('fails', { handler: async () => Promise.reject(new Error('nope')) });
  app.timer('clock', {
    schedule: '0 0 * * * *',
    retry: { strategy: 'fixedDelay', maxRetryCount: 2, delayInterval: 10 },
    handler: () => undefined,
  });
  app.hook.preInvocation((context) => {
    if (context.invocationContext.functionName === 'greet') context.hookData.seen = true;
  });
  app.hook.postInvocation((context) => {
    if (context.invocationContext.functionName === 'fails' && context.hookData.swallow) context.error = null;
  });
  app.hook.log((context) => {
    if (context.message.includes('greeting')) context.message = `[hooked] ${context.message}`;
  });
});

it('registers functions with their bindings through the programming model', () => {
  expect(registry.programmingModel?.name).toBe('@azure/functions');
  expect(fn('greet').metadata.bindings).toMatchObject({ $return: { type: 'http', direction: 'out' } });
  expect(Object.values(fn('clock').metadata.bindings)[0]).toMatchObject({ type: 'timerTrigger', schedule: '0 0 * * * *' });
});

it('converts RPC HTTP data to a request and the handler result back to RPC HTTP data', async () => {
  const trigger = Object.keys(fn('greet').metadata.bindings).find((key) => key !== '$return') as string;
  const outcome = await invoke(
    fn('greet'),
    httpInput(trigger, { method: 'POST', url: 'http://x/api/greet/ada', params: { who: 'ada' }, body: { bytes: Buffer.from('hi') } }),
    'test',
  );
  const http = outcome.response.returnValue?.http;
  expect(http?.statusCode).toBe('201');
  expect(JSON.parse(Buffer.from(http?.body?.bytes as Uint8Array).toString())).toEqual({ hello: 'ada', body: 'hi' });
  expect(http?.cookies?.[0]).toMatchObject({ name: 'c', value: '1' });
  expect(logs.some((line) => line.includes(`[greet] [${outcome.invocationId}] [hooked] greeting ada`))).toBe(true);
  expect(logs.some((line) => line.includes(`Executed 'Functions.greet' (Succeeded, Id=${outcome.invocationId}`))).toBe(true);
});

it('wraps handler failures in an InvocationError carrying the invocation id', async () => {
  const trigger = Object.keys(fn('fails').metadata.bindings).find((key) => key !== '$return') as string;
  const failure = invoke(fn('fails'), httpInput(trigger, { method: 'GET', url: 'http://x/api/fails' }), 'test');
  await expect(failure).rejects.toBeInstanceOf(InvocationError);
  await expect(failure).rejects.toMatchObject({ functionName: 'fails', cause: new Error('nope') });
});

it('retries per the function retry policy with a retryContext', async () => {
  expect(retryDelayMs({ retryStrategy: 'exponentialBackoff', minimumInterval: { seconds: 1 }, maximumInterval: { seconds: 3 } }, 3)).toBe(
    3000,
  );
  const seen: unknown[] = [];
  const invoker = jest.fn(async (_fn, input: { retryContext?: unknown }) => {
    seen.push(input.retryContext);
    if (seen.length < 3) throw new InvocationError('id', 'clock', new Error(`attempt ${seen.length}`));
    return { invocationId: 'id', response: {} };
  });
  await invokeWithRetry(invoker, fn('clock'), () => ({ inputData: [] }), 'test');
  expect(seen).toEqual([
    undefined,
    { retryCount: 1, maxRetryCount: 2, exception: expect.objectContaining({ message: 'attempt 1' }) },
    expect.objectContaining({ retryCount: 2 }),
  ]);
});

it('locks registration after startup and rejects unknown hooks, like the worker', () => {
  registry.indexingLocked = true;
  try {
    expect(() => app.http('late', { handler: async () => ({}) })).toThrow(/only be registered during app startup/);
  } finally {
    registry.indexingLocked = false;
  }
  expect(() => coreApi.registerHook('nonsense', () => undefined)).toThrow(RangeError);
  const disposable = coreApi.registerHook('appStart', () => undefined);
  expect(registry.hooks.appStart).toHaveLength(1);
  disposable.dispose();
  disposable.dispose();
  expect(registry.hooks.appStart).toHaveLength(0);
});
