import { InvocationContext } from '@azure/functions';
import { errorEnvelopeSchema } from '@planboard/contracts';
import { ApiError, conflict, dependencyUnavailable } from '../errors';
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

  it('is an ApiError only for user faults', () => {
    expect(new ApiError(400, 'BadRequest', 'x')).toBeInstanceOf(Error);
  });
});
