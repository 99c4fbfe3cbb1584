import { parseArgs } from './cli';

describe('parseArgs', () => {
  it('reads --app, --port and --host (both spaced and = forms)', () => {
    expect(parseArgs(['--app', 'api', '--port=7072', '--host', '0.0.0.0'])).toEqual({
      app: 'api',
      port: 7072,
      host: '0.0.0.0',
      cors: undefined,
      corsCredentials: false,
    });
  });

  it('reads CORS options', () => {
    expect(parseArgs(['--app', 'a', '--port', '1', '--cors', 'http://localhost:3000', '--cors-credentials'])).toMatchObject({
      cors: 'http://localhost:3000',
      corsCredentials: true,
    });
  });

  it('rejects missing or invalid values with usage', () => {
    expect(() => parseArgs(['--port', '1'])).toThrow(/--app is required/);
    expect(() => parseArgs(['--app', 'a', '--port', 'x'])).toThrow(/--port/);
    expect(() => parseArgs(['--app'])).toThrow(/Missing value/);
    expect(() => parseArgs(['stray'])).toThrow(/Unexpected argument/);
  });
});
