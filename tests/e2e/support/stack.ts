import fs from 'node:fs';
import path from 'node:path';

export interface E2EStack {
  /** `stack`: started by global setup; `external`: E2E_TAB_URL (the API may be down). */
  mode: 'stack' | 'external';
  urls: {
    tab: string;
    api: string | null;
    /** The local identity provider: HTTPS origin (Node) and the plain-HTTP origin the browser signs in at. */
    identity?: string;
    identityBrowser: string | null;
    /** The Power BI emulator (its `/_emulator/` control API); absent with E2E_TAB_URL. */
    powerbi?: string | null;
  };
}

const STACK_FILE = path.resolve(__dirname, '../../../.local/e2e-stack.json');

/** URLs recorded by global-setup.js. */
export function e2eStack(): E2EStack {
  const raw = process.env.PLANBOARD_E2E_STACK ?? (fs.existsSync(STACK_FILE) ? fs.readFileSync(STACK_FILE, 'utf8') : null);
  if (!raw) throw new Error('e2e: stack URLs missing; run through tests/e2e/jest.config.js (globalSetup)');
  return JSON.parse(raw) as E2EStack;
}

/** Absolute URL of the tab for a hash route and optional query, e.g. tabUrl('/reports', { theme: 'dark' }). */
export function tabUrl(route = '', query: Record<string, string> = {}): string {
  const url = new URL(e2eStack().urls.tab);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  url.hash = route ? (route.startsWith('/') ? route : `/${route}`) : '';
  return url.toString();
}
