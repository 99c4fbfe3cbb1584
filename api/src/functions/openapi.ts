import { app } from '@azure/functions';
import { config } from '../config';
import { json } from '../http/respond';
import { route } from '../http/route';
import { openApiDocument } from '../openapi/document';

/** The API's OpenAPI 3.1 document, generated from the zod schemas; anonymous like any API description. */
app.http('openApiDocument', {
  route: 'openapi.json',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: route(async () => json(openApiDocument(config().PLANBOARD_VERSION), 200, { 'Cache-Control': 'public, max-age=300' })),
});
