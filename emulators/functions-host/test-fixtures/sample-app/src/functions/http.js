// HTTP functions covering route templates, methods, bodies, cookies and error handling.
const { app, HttpResponse, output } = require('@azure/functions');

const outQueue = output.storageQueue({ queueName: '%OUT_QUEUE%', connection: 'AzureWebJobsStorage' });

app.http('hello', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request) => ({ body: `Hello, ${request.query.get('name') ?? 'world'}` }),
});

app.http('itemById', {
  methods: ['GET'],
  route: 'items/{id:int}',
  handler: async (request) => ({ jsonBody: { fn: 'itemById', id: request.params.id } }),
});

app.http('thingByName', {
  methods: ['GET'],
  route: 'things/{name}',
  handler: async (request) => ({ jsonBody: { fn: 'thingByName', name: request.params.name } }),
});

app.http('specialThing', {
  methods: ['GET'],
  route: 'things/special',
  handler: async () => ({ jsonBody: { fn: 'specialThing' } }),
});

app.http('optionalId', {
  methods: ['GET'],
  route: 'optional/{id?}',
  handler: async (request) => ({ jsonBody: { id: request.params.id ?? null } }),
});

app.http('catchAll', {
  methods: ['GET'],
  route: 'files/{*path}',
  handler: async (request) => ({ jsonBody: { path: request.params.path ?? null } }),
});

app.http('echo', {
  methods: ['POST', 'PUT'],
  route: 'echo',
  handler: async (request) => {
    const contentType = request.headers.get('content-type') ?? '';
    let body;
    if (contentType.includes('json')) body = { json: await request.json() };
    else if (contentType.startsWith('text/')) body = { text: await request.text() };
    else {
      const bytes = Buffer.from(await request.arrayBuffer());
      body = { base64: bytes.toString('base64'), length: bytes.length };
    }
    return {
      jsonBody: {
        method: request.method,
        url: request.url,
        query: Object.fromEntries(request.query.entries()),
        xTest: request.headers.get('x-test'),
        ...body,
      },
    };
  },
});

app.http('binary', {
  methods: ['GET'],
  handler: async () => ({ body: Buffer.from([0, 1, 2, 253, 254, 255]), headers: { 'content-type': 'application/octet-stream' } }),
});

app.http('cookies', {
  methods: ['GET'],
  handler: async () => ({
    body: 'cookies set',
    cookies: [
      { name: 'session', value: 'abc 123', httpOnly: true, secure: true, sameSite: 'Strict', maxAge: 3600, path: '/api' },
      { name: 'theme', value: 'dark' },
    ],
  }),
});

app.http('responseClass', {
  methods: ['GET'],
  route: 'response-class',
  handler: async () => new HttpResponse({ status: 201, headers: { 'x-custom': 'yes' }, jsonBody: { created: true } }),
});

app.http('streamed', {
  methods: ['GET'],
  handler: async () => ({
    body: new ReadableStream({
      start(controller) {
        for (const part of ['chunk-1,', 'chunk-2,', 'chunk-3']) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    }),
  }),
});

app.http('boom', {
  methods: ['GET'],
  handler: async () => {
    throw new Error('kaboom from the fixture');
  },
});

app.http('noReturn', {
  methods: ['GET'],
  route: 'no-return',
  handler: async () => undefined,
});

app.http('headAllowed', {
  methods: ['GET', 'HEAD'],
  route: 'head-allowed',
  handler: async () => ({ body: 'has a body', headers: { 'x-head': 'ok' } }),
});

app.get('multiGet', { route: 'multi', handler: async () => ({ body: 'get' }) });
app.post('multiPost', { route: 'multi', handler: async () => ({ body: 'post' }) });

app.http('secured', {
  methods: ['GET'],
  authLevel: 'function',
  handler: async () => ({ body: 'no key needed locally' }),
});

app.http('context', {
  methods: ['GET'],
  handler: async (_request, context) => {
    context.log('context-log-line');
    return {
      jsonBody: {
        invocationId: context.invocationId,
        functionName: context.functionName,
        appStarted: globalThis.fixtureAppStarted === true,
      },
    };
  },
});

app.http('enqueue', {
  methods: ['POST'],
  extraOutputs: [outQueue],
  handler: async (request, context) => {
    const payload = await request.json();
    // An array fans out into one message per element, as on Azure.
    context.extraOutputs.set(outQueue, payload);
    return { status: 202 };
  },
});

app.http('crashWorker', {
  methods: ['POST'],
  route: 'crash',
  // An exception thrown outside any invocation (in a timer callback) ends the worker process.
  handler: async () => {
    setTimeout(() => {
      throw new Error('crashWorker: uncaught exception outside the invocation');
    }, 50);
    return { status: 202 };
  },
});
