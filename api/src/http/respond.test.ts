import { InvocationContext } from '@azure/functions';
import { errorEnvelopeSchema } from '@planboard/contracts';
import { RestError } from '@azure/data-tables';
import { ApiError, badRequest, conflict, dependencyUnavailable, forbidden, notFound, validationFailed } from '../errors';
import { errorResponse } from './respond';

const context = (): InvocationContext => new InvocationContext({ invocationId: 'inv-1', functionName: 'test', logHandler: () => {} });

describe('central error mapping', () => {
  it('keeps a user error status and message in the envelope', () => {
    const response = errorResponse(conflict('The plan is submitted.', [{ path: 'edits.0', message: 'read-only' }]), context());
    expect(response.status).toBe(409);
    const body = errorEnvelopeSchema.parse(response.jsonBody);
    expect(body.error).toEqual({
      code: 'Conflict',
      message: 'The plan is submitted.',
      details: [{ path: 'edits.0', message: 'read-only' }],
      invocationId: 'inv-1',
    });
  });

  it('passes Retry-After for an unavailable dependency', () => {
    const response = errorResponse(dependencyUnavailable('Power BI is busy.', 30), context());
    expect(response.status).toBe(503);
    expect(response.headers).toMatchObject({ 'Retry-After': '30' });
  });

  it('turns anything else into a 500 that reveals nothing', () => {
    const logged: unknown[] = [];
    const ctx = new InvocationContext({ invocationId: 'inv-2', logHandler: (_level, ...args) => logged.push(...args) });
    const response = errorResponse(new Error('secret connection string AccountKey=abc'), ctx);
    expect(response.status).toBe(500);
    const body = errorEnvelopeSchema.parse(response.jsonBody);
    expect(body.error.code).toBe('InternalError');
    expect(JSON.stringify(body)).not.toContain('AccountKey');
    expect(String(logged[1])).toContain('secret connection string');
  });

  it('answers a 4xx only for ApiErrors: a system fault never passes for a user fault', () => {
    const userFaults = [
      badRequest('x'),
      validationFailed('x', []),
      forbidden(),
      notFound(),
      conflict('x'),
      new ApiError(415, 'UnsupportedMediaType', 'x'),
    ];
    for (const fault of userFaults) {
      const response = errorResponse(fault, context());
      expect(response.status).toBe(fault.status);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    // Look-alikes that carry a 4xx-looking status are still system faults.
    const systemFaults: unknown[] = [
      new TypeError('x is undefined'),
      new RangeError('Invalid time value'),
      Object.assign(new Error('bad'), { status: 400, code: 'BadRequest' }),
      new RestError('The specified entity already exists.', { statusCode: 409, code: 'EntityAlreadyExists' }),
      'a thrown string',
      null,
    ];
    for (const fault of systemFaults) {
      const response = errorResponse(fault, context());
      expect(response.status).toBe(500);
      expect(errorEnvelopeSchema.parse(response.jsonBody).error.code).toBe('InternalError');
    }
  });

  it.each([
    ['storage busy (503)', new RestError('The server is busy.', { statusCode: 503, code: 'ServerBusy' })],
    ['storage failed (500)', new RestError('Internal error.', { statusCode: 500 })],
    ['socket hang up', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['request never answered', new RestError('write EPIPE', { code: 'REQUEST_SEND_ERROR' })],
    ['wrapped EPIPE', new Error('save failed', { cause: Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) })],
  ])('turns a transient dependency fault (%s) into a 503 with Retry-After', (_name, fault) => {
    const response = errorResponse(fault, context());
    expect(response.status).toBe(503);
    expect(response.headers).toMatchObject({ 'Retry-After': '5' });
    expect(errorEnvelopeSchema.parse(response.jsonBody).error.code).toBe('DependencyUnavailable');
  });
});
