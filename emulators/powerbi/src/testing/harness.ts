import { startPowerBiEmulator, type PowerBiEmulatorOptions, type RunningPowerBiEmulator } from '../start';
import { startTestIssuer, type TestIssuer } from './token-issuer';

/** A response as tests look at it. */
export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** An emulator with its token issuer and small HTTP helpers. */
export interface TestEmulator {
  emulator: RunningPowerBiEmulator;
  issuer: TestIssuer;
  /** Calls `/v1.0/myorg/<path>`; `token` is sent as `Authorization: Bearer` unless `scheme` says otherwise. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON bodies by path; the contract validator checks their shape
  api<T = any>(method: string, path: string, options?: { token?: string; scheme?: string; body?: unknown }): Promise<TestResponse<T>>;
  /** Calls `/_emulator/<path>`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  control<T = any>(method: string, path: string, body?: unknown): Promise<TestResponse<T>>;
  stop(): Promise<void>;
}

async function call<T>(url: string, method: string, headers: Record<string, string>, body: unknown): Promise<TestResponse<T>> {
  const response = await fetch(url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/**
 * Starts an in-process emulator for a test suite with response validation on (every response is
 * checked against the swagger subset; a violation becomes a 500 and is recorded).
 */
export async function startTestEmulator(options: Partial<PowerBiEmulatorOptions> = {}): Promise<TestEmulator> {
  const issuer = await startTestIssuer();
  const emulator = await startPowerBiEmulator({
    port: 0,
    auth: { jwksUri: issuer.jwksUri, issuers: [issuer.issuer] },
    validateResponses: true,
    tickIntervalMs: 60_000,
    ...options,
  });
  return {
    emulator,
    issuer,
    api: (method, path, options = {}) =>
      call(
        `${emulator.url}/v1.0/myorg/${path.replace(/^\//, '')}`,
        method,
        options.token ? { Authorization: `${options.scheme ?? 'Bearer'} ${options.token}` } : {},
        options.body,
      ),
    control: (method, path, body) => call(`${emulator.url}/_emulator/${path.replace(/^\//, '')}`, method, {}, body),
    stop: async () => {
      const violations = emulator.settings.violations;
      await emulator.stop();
      await issuer.stop();
      if (violations.length) throw new Error(`Contract violations: ${JSON.stringify(violations, null, 2)}`);
    },
  };
}
