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

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON; Charset="UTF-8"', 'application/problem+json'])(
    'accepts the JSON media type %s',
    async (type) => {
      await expect(parseJsonBody(post('{"amount":1,"comment":"ok"}', type), schema)).resolves.toEqual({ amount: 1, comment: 'ok' });
    },
  );

  it.each(['text/plain; x=application/json', 'application/jsonx', 'application/json; charset=latin1', 'application/json; v=2', 'json', ''])(
    'answers 415 for the media type %j (parsed, not a substring match)',
    async (type) => {
      expect((await failure(parseJsonBody(post('{"amount":1,"comment":"ok"}', type), schema))).status).toBe(415);
    },
  );

  it.each([
    ['{"__proto__":{"isAdmin":true},"amount":1,"comment":"ok"}', '__proto__'],
    ['{"amount":1,"comment":"ok","nested":[{"constructor":{"prototype":1}}]}', 'nested.0.constructor'],
    ['{"amount":1,"comment":"ok","x":{"prototype":{}}}', 'x.prototype'],
  ])('refuses a body with a reserved key (%s) instead of dropping it', async (body, path) => {
    const error = await failure(parseJsonBody(post(body), schema.passthrough()));
    expect([error.status, error.code, error.details?.[0]?.path]).toEqual([400, 'ValidationFailed', path]);
  });

  it('refuses a query with a reserved key', () => {
    const request = new HttpRequest({ method: 'GET', url: 'http://localhost/api/x?__proto__=1&page=2' });
    expect(() => parseQuery(request, z.object({ page: z.string() }))).toThrow('The query string uses a reserved key.');
  });
});
