// HTTP streaming: request and response bodies flow through the library's proxy, not RPC messages.
const { app } = require('@azure/functions');

app.setup({ enableHttpStream: true });

app.http('upload', {
  methods: ['POST'],
  route: 'upload/{label}',
  handler: async (request) => {
    let bytes = 0;
    for await (const chunk of request.body) bytes += chunk.length;
    return { jsonBody: { label: request.params.label, bytes, query: request.query.get('q'), header: request.headers.get('x-test') } };
  },
});

app.http('download', {
  methods: ['GET'],
  route: 'download/{count:int}',
  handler: async (request) => {
    const count = Number(request.params.count);
    let sent = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (sent === count) return controller.close();
        sent += 1;
        controller.enqueue(new TextEncoder().encode(`line ${sent}\n`));
      },
    });
    return { body, headers: { 'content-type': 'text/plain' }, cookies: [{ name: 'streamed', value: 'yes' }] };
  },
});

app.http('streamBoom', {
  methods: ['GET'],
  route: 'stream-boom',
  handler: async () => {
    throw new Error('stream kaboom');
  },
});
