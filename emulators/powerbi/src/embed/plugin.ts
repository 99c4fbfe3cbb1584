import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody } from '../http/body';
import { send } from '../http/respond';
import type { EmulatorPlugin, RunningPowerBiEmulator } from '../start';
import { embedScript } from './client-script';
import { renderPage, type RenderRequest } from './data';
import { pageHtml } from './html';
import { embedDocument } from './page';

/** Options of {@link reportEmbedPlugin}. */
export interface ReportEmbedOptions {
  /**
   * CSP `frame-ancestors` sources: who may frame the page. Default: the local dev origins over
   * HTTP and any HTTPS origin (Teams, dev tunnels, static web apps), since the emulator is local.
   */
  frameAncestors?: string[];
}

const defaultAncestors = ["'self'", 'http://localhost:*', 'http://127.0.0.1:*', 'https:'];

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store' });
  res.end(body);
}

function parseRequest(raw: unknown): RenderRequest | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const body = raw as Record<string, unknown>;
  if (typeof body.accessToken !== 'string' || typeof body.reportId !== 'string') return undefined;
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  return {
    accessToken: body.accessToken,
    reportId: body.reportId,
    ...(typeof body.groupId === 'string' && body.groupId ? { groupId: body.groupId } : {}),
    ...(typeof body.pageName === 'string' ? { pageName: body.pageName } : {}),
    filters: list(body.filters),
    pageFilters: list(body.pageFilters),
  };
}

/** `POST /reportEmbed/render`: one page for the page's token; refusals are `error` event bodies, not HTTP errors. */
async function render(req: IncomingMessage, res: ServerResponse, emulator: RunningPowerBiEmulator): Promise<void> {
  const request = parseRequest(await readJsonBody(req).catch(() => undefined));
  if (!request) {
    send(res, 400, {
      ok: false,
      kind: 'error',
      error: { message: 'InvalidRequest', detailedMessage: 'accessToken and reportId are required', errorCode: '400', level: 6 },
    });
    return;
  }
  const outcome = await renderPage(emulator, request);
  if (!outcome.ok) {
    send(res, 200, outcome, { 'Cache-Control': 'no-store' });
    return;
  }
  const { data } = outcome;
  send(
    res,
    200,
    {
      ok: true,
      report: { id: data.report.id, name: data.report.name },
      pages: data.pages,
      page: data.page.name,
      html: pageHtml(data),
      // Relative, so the page's timer does not depend on its clock agreeing with ours.
      expiresInMs: data.expiresAt - Date.now(),
    },
    { 'Cache-Control': 'no-store' },
  );
}

/**
 * The Power BI embed page as an emulator plugin: `GET /reportEmbed` (the document
 * powerbi-client frames), `GET /reportEmbed/embed.js` (its protocol script) and
 * `POST /reportEmbed/render` (one page's visuals for an embed token). Served on every listener,
 * but powerbi-client only frames `https://*.powerbi.com`-style URLs, so browsers reach it
 * through the HTTPS listener under a name such as `emulator.powerbi.com` (see README).
 */
export function reportEmbedPlugin(options: ReportEmbedOptions = {}): EmulatorPlugin {
  const ancestors = (options.frameAncestors ?? defaultAncestors).join(' ');
  const pageHeaders = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors ${ancestors}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  return {
    matches: (method, pathname) =>
      (method === 'GET' && (pathname === '/reportEmbed' || pathname === '/reportEmbed/embed.js')) ||
      (method === 'POST' && pathname === '/reportEmbed/render'),
    handle: async (req, res, emulator) => {
      const pathname = new URL(req.url ?? '/', 'http://emulator').pathname;
      if (pathname === '/reportEmbed') return text(res, 200, embedDocument(), pageHeaders);
      if (pathname === '/reportEmbed/embed.js')
        return text(res, 200, embedScript, { 'Content-Type': 'text/javascript; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      return render(req, res, emulator);
    },
  };
}
