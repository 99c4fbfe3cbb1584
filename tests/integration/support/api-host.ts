import { startFunctionApp } from '../../../emulators/stack/src/hosts';
import { freePort } from '../../../emulators/stack/src/ports';
import type { ManagedProcess } from '../../../emulators/stack/src/processes';
import { apiSettings } from './env';

/** An API Functions host for one suite, against this run's Azurite and identity provider. */
export interface ApiHost {
  base: string;
  process: ManagedProcess;
  /** fetch relative to `/api` with an optional bearer token and JSON body. */
  call(path: string, options?: { token?: string; method?: string; json?: unknown; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

export async function startApiHost(extraSettings: Record<string, string> = {}): Promise<ApiHost> {
  const port = await freePort();
  const proc = await startFunctionApp({ app: 'api', port, settings: apiSettings(extraSettings) });
  const base = `http://127.0.0.1:${port}/api`;
  return {
    base,
    process: proc,
    call: (path, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.json !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${base}${path}`, {
        method: options.method ?? (options.json !== undefined ? 'POST' : 'GET'),
        headers,
        body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
      });
    },
    stop: () => proc.stop(),
  };
}
