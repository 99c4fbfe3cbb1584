import { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { ApiError } from '../errors';
import { parseJsonBody, parseQuery } from './validate';

const schema = z.object({ amount: z.number().finite(), comment: z.string().max(5) });

function post(body: string, type = 'application/json'): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/x?page=abc',
    body: { string: body },
    headers: { 'content-type': type },
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('request validation', () => {
  it('accepts a valid body', async () => {
    await expect(parseJsonBody(post('{"amount":1,"comment":"ok"}'), schema)).resolves.toEqual({ amount: 1, comment: 'ok' });
  });

  it('answers 415 for a body that is not JSON by content type', async () => {
    expect((await failure(parseJsonBody(post('a=1', 'application/x-www-form-urlencoded'), schema))).status).toBe(415);
  });

  it('answers 400 for malformed JSON', async () => {
    const error = await failure(parseJsonBody(post('{"amount":'), schema));
    expect([error.status, error.code]).toEqual([400, 'BadRequest']);
  });

  it('names every failing field', async () => {
    const error = await failure(parseJsonBody(post('{"amount":"abc","comment":"too long"}'), schema));
    expect(error.code).toBe('ValidationFailed');
    expect(error.details?.map((detail) => detail.path).sort()).toEqual(['amount', 'comment']);
  });

  it('validates the query string', () => {
    expect(() => parseQuery(post('{}'), z.object({ page: z.coerce.number().int() }))).toThrow(ApiError);
  });
});
