import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { errorEnvelopeSchema } from '@planboard/contracts';
import type { SchemaObject } from 'openapi3-ts/oas31';
import { z } from 'zod';
import { operations, type OperationSpec, type ResponseSpec } from './operations';

type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

/** `{name}` segments and `{name:constraint}` of the Functions route syntax become OpenAPI `{name}`. */
export function openApiPath(route: string): string {
  return `/api/${route}`.replace(/\{(\w+)(?::[^}]*)?\}/g, '{$1}');
}

function response(spec: ResponseSpec, status: number) {
  if ('mediaType' in spec && !('safeParse' in spec)) {
    return spec.mediaType === 'none'
      ? { description: spec.description }
      : { description: spec.description, content: { [spec.mediaType]: { schema: { type: 'string' as const, format: 'binary' } } } };
  }
  return { description: `HTTP ${status}`, content: { 'application/json': { schema: spec } } };
}

function routeConfig(operation: OperationSpec): RouteConfig {
  const errors = { $ref: '#/components/responses/Error' };
  return {
    method: operation.method,
    path: openApiPath(operation.route),
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.anonymous ? { security: [] } : {}),
    request: {
      ...(operation.params ? { params: operation.params } : {}),
      ...(operation.query ? { query: operation.query } : {}),
      ...(operation.headers ? { headers: operation.headers } : {}),
      ...(operation.body
        ? {
            body: {
              required: true,
              content: Object.fromEntries(Object.entries(operation.body).map(([type, schema]) => [type, { schema }])),
            },
          }
        : {}),
    },
    responses: {
      ...Object.fromEntries(Object.entries(operation.responses).map(([status, spec]) => [status, response(spec, Number(status))])),
      '4XX': errors,
      '5XX': errors,
    },
  };
}

/** A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema object, for components the generator takes raw. */
function jsonSchema(schema: z.ZodType): SchemaObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' });
  return rest as SchemaObject;
}

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of the whole API, generated from the zod schemas in `contracts/`. */
export function openApiDocument(version: string): OpenApiDocument {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'entra', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An Entra ID access token for the API (Teams SSO, or MSAL outside Teams)',
  });
  registry.registerComponent('responses', 'Error', {
    description: 'The one error envelope (4xx: the request; 5xx: the service or a dependency; 429/503 carry Retry-After)',
    content: { 'application/json': { schema: jsonSchema(errorEnvelopeSchema) } },
  });
  for (const operation of operations) registry.registerPath(routeConfig(operation));
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Planboard API',
      version,
      description:
        'Budgets, KPIs, embedded Power BI reports and access of Planboard. Every route but health and sign-in settings needs a bearer token; the caller sees and changes only their scopes.',
    },
    servers: [{ url: '/' }],
    security: [{ entra: [] }],
  });
  return cached;
}
