import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { loadSwagger, swaggerOperations, type Schema, type SwaggerDocument, type SwaggerOperation } from './swagger';
import type { OperationId } from './operations';

const documentId = 'powerbi-swagger.json';

/** `#/definitions/X` refs become refs into the registered document. */
function retarget(schema: Schema): Schema {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/definitions\//g, `"${documentId}#/definitions/`)) as Schema;
}

/** Definitions used as `allOf` building blocks: strictness belongs on the composed type, not on its parts. */
function mixinNames(definitions: Record<string, Schema>): Set<string> {
  const names = new Set<string>();
  for (const schema of Object.values(definitions)) {
    for (const part of (schema.allOf as Schema[] | undefined) ?? []) {
      const ref = typeof part.$ref === 'string' ? part.$ref : '';
      if (ref.startsWith('#/definitions/')) names.add(ref.slice('#/definitions/'.length));
    }
  }
  return names;
}

/**
 * Strict copies of the definitions: every composed object type refuses properties the contract
 * does not name (`unevaluatedProperties: false`), except `@odata.context`, which the service
 * adds to every payload. This catches a misspelt or undocumented property in an emulator response.
 */
function strictDefinitions(definitions: Record<string, Schema>): Record<string, Schema> {
  const strict = structuredClone(definitions);
  const mixins = mixinNames(definitions);
  for (const [name, schema] of Object.entries(strict)) {
    if (mixins.has(name) || (!schema.properties && !schema.allOf)) continue;
    schema.properties = { ...((schema.properties as Schema | undefined) ?? {}), '@odata.context': { type: 'string' } };
    schema.unevaluatedProperties = false;
  }
  return strict;
}

/** The emulator's own error shapes (the swagger has no error schemas, NOTES §0 caveat 3; shapes from §2). */
const errorSchemas: Record<'envelope' | 'throttled', Schema> = {
  envelope: {
    type: 'object',
    required: ['error'],
    additionalProperties: false,
    properties: {
      error: {
        type: 'object',
        required: ['code'],
        additionalProperties: false,
        properties: { code: { type: 'string' }, message: { type: 'string' }, 'pbi.error': { type: 'object' } },
      },
    },
  },
  throttled: { type: 'object', required: ['message'], additionalProperties: false, properties: { message: { type: 'string' } } },
};

function createAjv(definitions: Record<string, Schema>): Ajv2019 {
  // strict: false because Swagger keywords (x-ms-enum, example, readOnly on $ref) are not JSON Schema.
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(retarget({ $id: documentId, definitions }));
  return ajv;
}

function describe(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
  );
}

/** Validates request bodies (lenient: unknown properties pass, as the service ignores them) and responses (strict). */
export class ContractValidator {
  private readonly operations = new Map<string, SwaggerOperation>();
  private readonly requestValidators = new Map<string, ValidateFunction>();
  private readonly responseValidators = new Map<string, ValidateFunction>();
  private readonly errorValidators: Record<'envelope' | 'throttled', ValidateFunction>;

  constructor(document: SwaggerDocument = loadSwagger()) {
    const lenient = createAjv(document.definitions);
    const strict = createAjv(strictDefinitions(document.definitions));
    for (const { operation } of swaggerOperations(document)) {
      this.operations.set(operation.operationId, operation);
      const body = operation.parameters?.find((parameter) => parameter.in === 'body');
      if (body?.schema) this.requestValidators.set(operation.operationId, lenient.compile(retarget(body.schema)));
      for (const [status, response] of Object.entries(operation.responses)) {
        if (response.schema) this.responseValidators.set(`${operation.operationId} ${status}`, strict.compile(retarget(response.schema)));
      }
    }
    this.errorValidators = { envelope: strict.compile(errorSchemas.envelope), throttled: strict.compile(errorSchemas.throttled) };
  }

  /** The swagger operation (for parameters and documented statuses). */
  operation(operationId: OperationId): SwaggerOperation {
    const operation = this.operations.get(operationId);
    if (!operation) throw new Error(`Unknown operation ${operationId}`);
    return operation;
  }

  /** Problems with a request body; empty when it conforms. */
  requestBody(operationId: OperationId, body: unknown): string[] {
    const parameter = this.operation(operationId).parameters?.find((item) => item.in === 'body');
    if (!parameter) return [];
    if (body === undefined) return parameter.required ? ['The request body is required'] : [];
    const validate = this.requestValidators.get(operationId);
    return validate && !validate(body) ? describe(validate) : [];
  }

  /** Problems with a response: undocumented status, a body where none is documented, or a schema mismatch. */
  response(operationId: OperationId, status: number, body: unknown): string[] {
    if (status === 429) return this.errorValidators.throttled(body) ? [] : describe(this.errorValidators.throttled);
    if (status >= 400) return this.errorValidators.envelope(body) ? [] : describe(this.errorValidators.envelope);
    const documented = this.operation(operationId).responses[String(status)];
    if (!documented) return [`Status ${status} is not documented for ${operationId}`];
    const validate = this.responseValidators.get(`${operationId} ${status}`);
    if (!validate) return body === undefined ? [] : [`${operationId} ${status} documents no body, but one was sent`];
    return validate(body) ? [] : describe(validate);
  }
}
