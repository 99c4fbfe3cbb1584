import { appToken } from '@planboard/identity/testing';

/** What the emulator's embed page draws for one page of a report under an embed token. */
export interface RenderedPage {
  ok: boolean;
  pages: { name: string }[];
  /** Per visual: the bar chart's categories, or the table's rows (cell texts). */
  visuals: Map<string, { categories: string[]; headers: string[]; rows: string[][] }>;
  footer: string;
  error?: { message: string; detailedMessage: string; errorCode: string };
}

const unescape = (text: string): string => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
const all = (html: string, pattern: RegExp): string[] => [...html.matchAll(pattern)].map((match) => unescape(match[1] ?? ''));

/**
 * Renders one page of a report through the emulator's embed page endpoint (`POST /reportEmbed/render`,
 * what the iframe's script calls with the token the tab gave it) and reads the drawn visuals back.
 */
export async function renderEmbedded(
  powerBiPort: number,
  embedded: { accessToken: string; reportId: string },
  pageName?: string,
): Promise<RenderedPage> {
  const response = await fetch(`http://127.0.0.1:${powerBiPort}/reportEmbed/render`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ accessToken: embedded.accessToken, reportId: embedded.reportId, ...(pageName ? { pageName } : {}) }),
  });
  const body = (await response.json()) as { ok: boolean; html?: string; pages?: { name: string }[]; error?: RenderedPage['error'] };
  const html = body.html ?? '';
  const visuals: RenderedPage['visuals'] = new Map();
  for (const section of html.split('<section ').slice(1)) {
    const name = /data-visual="([^"]*)"/.exec(section)?.[1] ?? '';
    const rows = all(section, /<tr>(.*?)<\/tr>/g).map((row) => all(row, /<td[^>]*>(.*?)<\/td>/g));
    visuals.set(name, {
      categories: all(section, /data-category="([^"]*)"/g),
      headers: all(section, /<th(?:\s[^>]*)?>(.*?)<\/th>/g),
      rows: rows.filter((row) => row.length > 0),
    });
  }
  return {
    ok: body.ok,
    pages: body.pages ?? [],
    visuals,
    footer: unescape(/<footer[^>]*>(.*?)<\/footer>/.exec(html)?.[1] ?? ''),
    ...(body.error ? { error: body.error } : {}),
  };
}

/** Every page of an embedded report, rendered. */
export async function renderAllPages(powerBiPort: number, embedded: { accessToken: string; reportId: string }): Promise<RenderedPage[]> {
  const first = await renderEmbedded(powerBiPort, embedded);
  if (!first.ok) return [first];
  const rest = await Promise.all(first.pages.slice(1).map((page) => renderEmbedded(powerBiPort, embedded, page.name)));
  return [first, ...rest];
}

/** A column of a table visual, by header. */
export function column(page: RenderedPage, visual: string, header: string): string[] {
  const drawn = page.visuals.get(visual);
  const index = drawn?.headers.indexOf(header) ?? -1;
  return index < 0 ? [] : (drawn?.rows ?? []).map((row) => row[index] ?? '');
}

/**
 * Refreshes a dataset of the emulator (as the service principal, an enhanced refresh so its id is
 * known) and waits until that refresh has completed: the emulator's clock is moved past the
 * refresh's duration, then its execution details are read until they say it is done.
 */
export async function refreshDataset(powerBiPort: number, workspaceId: string, datasetId: string): Promise<void> {
  const base = `http://127.0.0.1:${powerBiPort}`;
  const token = await appToken();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const refreshes = `${base}/v1.0/myorg/groups/${workspaceId}/datasets/${datasetId}/refreshes`;
  const advance = () => fetch(`${base}/_emulator/clock/advance`, { method: 'POST', headers, body: JSON.stringify({ minutes: 10 }) });
  let refreshId: string | null = null;
  // A scheduled refresh may be running: then the service answers 400 and we let it finish first.
  for (let attempt = 0; attempt < 5 && !refreshId; attempt += 1) {
    const started = await fetch(refreshes, { method: 'POST', headers, body: JSON.stringify({ type: 'Full' }) });
    refreshId = started.status === 202 ? started.headers.get('x-ms-request-id') : null;
    if (!refreshId) await advance();
  }
  if (!refreshId) throw new Error(`Could not start a refresh of ${datasetId}`);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await advance();
    const details = await fetch(`${refreshes}/${refreshId}`, { headers });
    const body = (await details.json()) as { status?: string; extendedStatus?: string };
    if (details.status === 200 && body.status === 'Completed') return;
    if (details.status === 200) throw new Error(`Refresh of ${datasetId} ended ${body.status}`);
  }
  throw new Error(`Refresh of ${datasetId} did not complete`);
}
