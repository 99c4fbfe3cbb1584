import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** The parts of the OpenAPI 3.1 document the checks read. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }> }>>;
  components: { responses: Record<string, { content: Record<string, { schema: object }> }> };
}

/**
 * Validates response bodies against the API's own OpenAPI document (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses): a route that answers something its document does not describe fails.
 */
export class ResponseValidator {
  private readonly ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {}

  /** Problems of `body` as the `status` answer of `method path` (a document path such as `/api/kpis/{scopeId}`); [] when it fits. */
  problems(method: string, path: string, status: number, body: unknown): string[] {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${path} is not in the document`];
    let response = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
    if (!response) return [`${method} ${path} does not document status ${status}`];
    if (response.$ref) response = this.document.components.responses[response.$ref.split('/').pop() ?? ''] ?? {};
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return [`${method} ${path} ${status} documents no JSON body`];
    const key = `${method} ${path} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${key}: ${error.instancePath || '/'} ${error.message ?? ''}`);
  }
}
