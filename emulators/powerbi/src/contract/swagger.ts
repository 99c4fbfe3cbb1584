import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A JSON schema fragment of the swagger file (Swagger 2.0, close to draft-04). */
export type Schema = { [key: string]: unknown };

/** The parts of a Swagger 2.0 operation the emulator reads. */
export interface SwaggerOperation {
  operationId: string;
  description?: string;
  parameters?: {
    name: string;
    in: 'path' | 'query' | 'body' | 'header';
    required?: boolean;
    type?: string;
    enum?: string[];
    schema?: Schema;
  }[];
  responses: Record<string, { schema?: Schema; headers?: Record<string, unknown> }>;
}

/** The swagger document, reduced to what the emulator reads. */
export interface SwaggerDocument {
  paths: Record<string, Record<string, SwaggerOperation>>;
  definitions: Record<string, Schema>;
}

/** The copy of the official swagger subset shipped with the emulator (src/ and dist/ are both two levels down). */
export const swaggerPath = resolve(__dirname, '..', '..', 'contract', 'swagger-subset.json');

/**
 * Property names the swagger spells in PascalCase while the service (and the swagger's own
 * x-ms-examples) use camelCase (NOTES §0 caveat 1).
 */
const pascalCaseFixes: Record<string, string> = {
  CreatedDate: 'createdDate',
  ContentProviderType: 'contentProviderType',
  IsRefreshable: 'isRefreshable',
  IsInPlaceSharingEnabled: 'isInPlaceSharingEnabled',
  CreateReportEmbedURL: 'createReportEmbedURL',
  QnaEmbedURL: 'qnaEmbedURL',
  IsEffectiveIdentityRequired: 'isEffectiveIdentityRequired',
  IsEffectiveIdentityRolesRequired: 'isEffectiveIdentityRolesRequired',
  IsOnPremGatewayRequired: 'isOnPremGatewayRequired',
  Encryption: 'encryption',
  EncryptionStatus: 'encryptionStatus',
  NotifyOption: 'notifyOption',
};

/**
 * Properties the service returns that the swagger definitions omit, each with its source. Added
 * so strict response validation accepts them and nothing else.
 */
const documentedAdditions: { definition: string; property: string; schema: Schema; source: string }[] = [
  {
    definition: 'Refresh',
    property: 'extendedStatus',
    schema: { type: 'string' },
    source: 'asynchronous-refresh.md (enhanced refresh history)',
  },
  {
    definition: 'DatasetRefreshObjects',
    property: 'status',
    schema: { type: 'string' },
    source: 'x-ms-examples of GetRefreshExecutionDetails',
  },
  {
    definition: 'DatasetBaseProperties',
    property: 'defaultRetentionPolicy',
    schema: { type: 'string', enum: ['None', 'basicFIFO'] },
    source: 'x-ms-examples of PostDataset (201 body)',
  },
  {
    definition: 'DatasetRefreshRequest',
    property: 'timeout',
    schema: { type: 'string' },
    source: 'Refresh Dataset docs (2025), missing from swagger',
  },
];

function renameProperties(schema: Schema): void {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties) {
    for (const [from, to] of Object.entries(pascalCaseFixes)) {
      if (from in properties) {
        properties[to] = properties[from] as Schema;
        delete properties[from];
      }
    }
    // Collections declare `odata.context`; real payloads carry `@odata.context` (NOTES §0 caveat 2).
    if ('odata.context' in properties) {
      properties['@odata.context'] = properties['odata.context'] as Schema;
      delete properties['odata.context'];
    }
  }
  if (Array.isArray(schema.required)) schema.required = (schema.required as string[]).map((name) => pascalCaseFixes[name] ?? name);
  for (const value of Object.values(schema)) {
    if (value && typeof value === 'object') {
      if (Array.isArray(value)) value.forEach((item) => item && typeof item === 'object' && renameProperties(item as Schema));
      else renameProperties(value as Schema);
    }
  }
}

/**
 * Applies the documented normalisations (NOTES §0): camelCase names, `@odata.context`, the
 * properties listed above, and `DatasetRefreshRequest` no longer requiring `notifyOption`
 * (enhanced refresh requires it to be absent, caveat 4).
 */
export function normaliseSwagger(document: SwaggerDocument): SwaggerDocument {
  const copy = structuredClone(document);
  for (const schema of Object.values(copy.definitions)) renameProperties(schema);
  for (const addition of documentedAdditions) {
    const definition = copy.definitions[addition.definition];
    if (!definition) throw new Error(`Swagger has no definition ${addition.definition}`);
    const properties = (definition.properties ?? (definition.properties = {})) as Record<string, Schema>;
    properties[addition.property] = addition.schema;
  }
  const refreshRequest = copy.definitions.DatasetRefreshRequest;
  if (refreshRequest) delete refreshRequest.required;
  return copy;
}

let cached: SwaggerDocument | undefined;

/** The normalised swagger subset (read once per process). */
export function loadSwagger(): SwaggerDocument {
  cached ??= normaliseSwagger(JSON.parse(readFileSync(swaggerPath, 'utf8')) as SwaggerDocument);
  return cached;
}

/** Every operation with its path template and HTTP method. */
export function swaggerOperations(
  document: SwaggerDocument = loadSwagger(),
): { path: string; method: string; operation: SwaggerOperation }[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => method !== 'parameters')
      .map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
}
