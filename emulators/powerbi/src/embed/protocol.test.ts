/**
 * The embed page against the real powerbi-client 2.24.1 in headless Chromium: the library's own
 * URL check (https + *.powerbi.com) is satisfied by mapping emulator.powerbi.com to loopback and
 * pinning the emulator certificate's key, exactly as the e2e tests and README do.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevCertificates } from '@planboard/identity/certs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sampleIds } from '../seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../testing/harness';
import { reportEmbedPlugin } from './plugin';

const chromiumPath = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';
const describeInBrowser = existsSync(chromiumPath) ? describe : describe.skip;
const budget = sampleIds.budget;
const nora = 'nora.lindqvist@contoso.onmicrosoft.com';

let t: TestEmulator;
let host: Server;
let browser: Browser;
let page: Page;
let embedUrl: string;

const hostPage = `<!doctype html><html lang="en"><head><title>host</title><script src="/powerbi.js"></script></head>
<body><div id="c" style="width:900px;height:600px"></div><div id="d" style="width:900px;height:300px"></div><script>
window.events = [];
window.embedInto = function (id, config) {
  var report = powerbi.embed(document.getElementById(id), config);
  ['loaded', 'rendered', 'error', 'pageChanged'].forEach(function (name) {
    report.on(name, function (event) { window.events.push({ target: id, name: name, detail: event.detail }); });
  });
  window[id] = report;
};
</script></body></html>`;

async function token(username: string, roles: string[], expiresInSeconds?: number): Promise<string> {
  const caller = await t.issuer.appToken(expiresInSeconds ? { expiresInSeconds } : {});
  const body = { reports: [{ id: budget.reportId }], identities: [{ username, roles, datasets: [budget.datasetId] }] };
  return (await t.api('POST', 'GenerateToken', { token: caller, body })).body.token as string;
}

/** Resolves once the host has seen `count` events called `name` for the container. */
async function events(name: string, count = 1, target = 'c'): Promise<{ name: string; detail: Record<string, unknown> }[]> {
  await page.waitForFunction(
    ([n, c, id]) =>
      (window as unknown as { events: { name: string; target: string }[] }).events.filter((e) => e.name === n && e.target === id).length >=
      Number(c),
    [name, String(count), target],
  );
  return page.evaluate(
    ([n, id]) =>
      (window as unknown as { events: { name: string; target: string; detail: Record<string, unknown> }[] }).events.filter(
        (e) => e.name === n && e.target === id,
      ),
    [name, target],
  );
}

const bars = () => page.frameLocator('#c iframe').locator('.bar-row .bar-label').allTextContents();

describeInBrowser('powerbi-client 2.24.1 ↔ emulator embed page', () => {
  beforeAll(async () => {
    const certs = await ensureDevCertificates(join(tmpdir(), 'planboard-embed-test-certs'), ['emulator.powerbi.com'], { name: 'powerbi' });
    t = await startTestEmulator({ plugins: [reportEmbedPlugin()], tls: { cert: certs.cert, key: certs.key }, httpsPort: 0 });
    const port = new URL(t.emulator.httpsUrl ?? '').port;
    embedUrl = `https://emulator.powerbi.com:${port}/reportEmbed?reportId=${budget.reportId}&groupId=${budget.workspaceId}`;
    const library = readFileSync(require.resolve('powerbi-client/dist/powerbi.js'));
    host = createServer((req, res) => {
      const js = req.url === '/powerbi.js';
      res.writeHead(200, { 'Content-Type': js ? 'text/javascript' : 'text/html' });
      res.end(js ? library : hostPage);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const spki = createHash('sha256')
      .update(new X509Certificate(certs.cert).publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--host-resolver-rules=MAP emulator.powerbi.com 127.0.0.1', `--ignore-certificate-errors-spki-list=${spki}`],
    });
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await t?.stop();
  });

  const config = (accessToken: string, extra: Record<string, unknown> = {}) => ({
    type: 'report',
    id: budget.reportId,
    embedUrl,
    accessToken,
    tokenType: 1,
    settings: { panes: { filters: { visible: false } } },
    ...extra,
  });

  it('loads and renders the RLS-filtered report; pages, active page, filters and refresh work', async () => {
    await page.evaluate(
      (c) => (window as unknown as { embedInto: (id: string, c: unknown) => void }).embedInto('c', c),
      config(await token(nora, ['BusinessUnitScope'])),
    );
    await events('loaded');
    await events('rendered');
    expect(await bars()).toEqual(['Sales North']);
    const report = 'window.c';
    const pages = await page.evaluate(`${report}.getPages().then(p => p.map(x => [x.name, x.displayName, x.isActive]))`);
    expect(pages).toEqual([
      ['ReportSection', 'Budget overview', true],
      ['ReportSection1', 'Actuals FY2026', false],
    ]);
    await page.evaluate(`${report}.setPage('ReportSection1')`);
    expect((await events('pageChanged'))[0]?.detail).toMatchObject({ newPage: { name: 'ReportSection1', isActive: true } });
    const actuals = page.frameLocator('#c iframe').locator('[data-visual="actualsByUnit"]');
    await actuals.waitFor();
    expect(await actuals.locator('.bar-label').allTextContents()).toEqual(['Sales North']);
    expect(await page.evaluate(`${report}.getFilters()`)).toEqual([]);
    const marketing = {
      $schema: 'http://powerbi.com/product/schema#basic',
      target: { table: 'BusinessUnit', column: 'ScopeId' },
      operator: 'In',
      values: ['marketing'],
      filterType: 1,
    };
    await page.evaluate(`${report}.setFilters([${JSON.stringify(marketing)}])`);
    expect(await page.frameLocator('#c iframe').locator('[data-visual="actualsByUnit"] [data-empty]').count()).toBe(1);
    const invalid = { ...marketing, target: { table: 'Nope', column: 'X' } };
    expect(await page.evaluate(`${report}.setFilters([${JSON.stringify(invalid)}]).then(() => 'ok', (e) => e.message)`)).toBe(
      'InvalidFilter',
    );
    await page.evaluate(`${report}.removeFilters()`);
    const before = (await events('rendered')).length;
    await page.evaluate(`${report}.refresh()`);
    await events('rendered', before + 1);
    expect(await page.evaluate(`${report}.print().then(() => 'ok', (e) => e.message)`)).toBe('NotSupported');
  }, 60_000);

  it('raises TokenExpired when the token runs out and recovers after setAccessToken', async () => {
    await page.evaluate(`window.c.setAccessToken(${JSON.stringify(await token(nora, ['BusinessUnitScope'], 3))})`);
    const [expired] = await events('error');
    expect(expired?.detail).toEqual({
      message: 'TokenExpired',
      detailedMessage: 'Access token has expired, resubmit with a new access token',
      errorCode: '403',
      level: 6,
    });
    await page.frameLocator('#c iframe').locator('#overlay').waitFor({ state: 'visible' });
    const rendered = (await events('rendered')).length;
    await page.evaluate(`window.c.setAccessToken(${JSON.stringify(await token(nora, ['BusinessUnitScope']))})`);
    await events('rendered', rendered + 1);
    expect(await page.frameLocator('#c iframe').locator('#overlay').isVisible()).toBe(false);
  }, 30_000);

  it('reports a token for another report as LoadReportFailed instead of loading', async () => {
    const caller = await t.issuer.appToken();
    const stores = sampleIds.stores;
    const body = {
      reports: [{ id: stores.reportId }],
      identities: [{ username: nora, roles: ['StoreScope'], datasets: [stores.datasetId] }],
    };
    const other = (await t.api('POST', 'GenerateToken', { token: caller, body })).body.token as string;
    await page.evaluate((c) => (window as unknown as { embedInto: (id: string, c: unknown) => void }).embedInto('d', c), config(other));
    const [error] = await events('error', 1, 'd');
    expect(error?.detail).toMatchObject({ message: 'LoadReportFailed', errorCode: '403' });
    expect(
      await page.evaluate(() =>
        (window as unknown as { events: { name: string; target: string }[] }).events.some((e) => e.target === 'd' && e.name === 'loaded'),
      ),
    ).toBe(false);
  }, 30_000);
});
