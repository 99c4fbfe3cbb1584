import { chromium } from 'playwright-core';
import { startStack } from '../../emulators/stack/dist/stack';
import { CHROMIUM_PATH } from '../e2e/support/browser';
import { signInAs } from '../e2e/support/sign-in';
import { bigPlan } from '../integration/support/big-plan';
import { ensureTabBuild, openPlan } from './budget-grid.support';

export async function run(): Promise<boolean> {
  ensureTabBuild();
  const stack = await startStack({ freePorts: true, seed: true, tabMode: 'preview' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const big = await bigPlan(stack.storageConnectionString, 50_000);
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    process.env.PLANBOARD_E2E_STACK = JSON.stringify({ mode: 'stack', urls: { tab: stack.urls.tab, api: stack.urls.api, identity: stack.urls.identity, identityBrowser: stack.urls.identityBrowser } });
    await signInAs(page, 'nora.lindqvist@contoso.onmicrosoft.com', { route: '/training' });
    console.log(await openPlan(page, big.planId, 'sales-north'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    console.log(await openPlan(page, big.planId, 'sales-north'));
    const { profile } = (await cdp.send('Profiler.stop')) as any;
    const self = new Map<string, number>();
    const dt = profile.timeDeltas as number[];
    const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
    profile.samples.forEach((id: number, i: number) => {
      const n = byId.get(id);
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0)} ms ${k}`).join('\n'));
  } finally {
    await browser.close();
    await stack.stop();
  }
  return true;
}
