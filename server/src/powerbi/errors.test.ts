import { errorFromResponse, parseRetryAfter, parseServiceException, PowerBiThrottledError, PowerBiTransientError } from './errors';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    ['3392', 3392],
    ['0', 0],
    ['1.5', 1.5],
    ['Wed, 01 Jan 2025 00:00:10 GMT', 10],
    ['Tue, 31 Dec 2024 23:00:00 GMT', 0],
    ['soon', undefined],
    ['-4', undefined],
    ['', undefined],
    [null, undefined],
  ])('%p → %p', (value, expected) => expect(parseRetryAfter(value, now)).toBe(expected));
});

describe('errorFromResponse', () => {
  const request = { method: 'GET', path: '/groups' };
  it('reads the 429 body without an error envelope and keeps the Retry-After', () => {
    const headers = new Headers({ 'retry-after': '7', 'x-ms-request-id': 'x-1' });
    const error = errorFromResponse({ status: 429, headers }, '{"message":"Retry in 7 seconds."}', request, 0);
    expect(error).toBeInstanceOf(PowerBiThrottledError);
    expect(error).toMatchObject({ code: 'TooManyRequests', retryAfterSeconds: 7, requestId: 'x-1' });
    expect(error.message).toContain('Retry in 7 seconds.');
  });

  it('keeps a non-JSON body in the message and marks 503 transient', () => {
    const error = errorFromResponse({ status: 503, headers: new Headers() }, 'Service Unavailable', request, 0);
    expect(error).toBeInstanceOf(PowerBiTransientError);
    expect(error).toMatchObject({ code: 'ServiceError', status: 503 });
    expect(error.message).toContain('Service Unavailable');
  });

  it('exposes pbi.error details', () => {
    const body = {
      error: {
        code: 'DatasetExecuteQueriesError',
        'pbi.error': {
          code: 'DatasetExecuteQueriesError',
          details: [{ code: 'DetailsMessage', detail: { type: 1, value: 'Failed to execute the DAX query.' } }],
        },
      },
    };
    const error = errorFromResponse({ status: 400, headers: new Headers() }, JSON.stringify(body), request, 0);
    expect(error.details).toEqual(body.error['pbi.error'].details);
  });
});

describe('parseServiceException', () => {
  it('parses the JSON string of a failed refresh and tolerates junk', () => {
    expect(parseServiceException('{"errorCode":"ModelRefreshFailed_CredentialsNotSpecified"}')).toEqual({
      errorCode: 'ModelRefreshFailed_CredentialsNotSpecified',
    });
    expect(parseServiceException('oops')).toEqual({ errorDescription: 'oops' });
    expect(parseServiceException(undefined)).toBeUndefined();
  });
});
