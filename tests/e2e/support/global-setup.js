// Starts the whole local stack once for the e2e run (or uses E2E_TAB_URL if set) and records
// its URLs in .local/e2e-stack.json and PLANBOARD_E2E_STACK for the tests (see support/stack.ts).
const fs = require('node:fs');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const ROOT = path.resolve(__dirname, '../../..');
const STACK_FILE = path.join(ROOT, '.local', 'e2e-stack.json');
const STACK_MODULE = path.join(ROOT, 'emulators', 'stack', 'dist', 'stack.js');

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const res = await globalThis.fetch(url, { signal: globalThis.AbortSignal.timeout(5_000) });
      if (res.status < 500) return;
      last = new Error(`HTTP ${res.status}`);
    } catch (err) {
      last = err;
    }
    await sleep(500);
  }
  throw new Error(`e2e: ${url} did not answer within ${timeoutMs} ms (${last})`);
}

/**
 * `PLANBOARD_E2E_BUSY_CPUS=<n>` (`npm run test:e2e:busy`): n processes keep n cores busy for the
 * whole run, so the suite proves it waits on state, not on time, on a loaded machine.
 */
function startBusyLoad() {
  const count = Number(process.env.PLANBOARD_E2E_BUSY_CPUS || 0);
  if (!count) return [];
  const { spawn } = require('node:child_process');
  console.log(`e2e: ${count} busy process(es) keep the CPU loaded during the run`);
  const busy = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) { Math.sqrt(Math.random()); }'], { stdio: 'ignore' }),
  );
  process.once('exit', () => busy.forEach((child) => child.kill('SIGKILL')));
  return busy;
}

module.exports = async function globalSetup() {
  globalThis.__PLANBOARD_E2E_BUSY__ = startBusyLoad();
  let info;
  if (process.env.E2E_TAB_URL) {
    info = {
      mode: 'external',
      urls: { tab: process.env.E2E_TAB_URL, api: process.env.E2E_API_URL || null, identityBrowser: process.env.E2E_IDENTITY_URL || null },
    };
  } else {
    if (!fs.existsSync(STACK_MODULE)) {
      throw new Error(
        `e2e: ${path.relative(ROOT, STACK_MODULE)} not found. Run \`npm run build\` first, ` +
          'or point the tests at a running tab with E2E_TAB_URL=http://127.0.0.1:53000.',
      );
    }
    const { startStack } = require('../../../emulators/stack/dist/stack');
    // `npm run test:e2e` builds the tab first, so serve the build (vite preview) rather than sources.
    const stack = await startStack({ freePorts: true, seed: true, tabMode: 'preview' });
    globalThis.__PLANBOARD_E2E_STACK__ = stack;
    info = {
      mode: 'stack',
      urls: {
        tab: stack.urls.tab,
        api: stack.urls.api ?? null,
        identity: stack.urls.identity,
        identityBrowser: stack.urls.identityBrowser || null,
        powerbi: stack.urls.powerbi || null,
      },
    };
  }
  try {
    await waitForHttp(info.urls.tab, 60_000);
  } catch (err) {
    await globalThis.__PLANBOARD_E2E_STACK__?.stop();
    throw err;
  }
  fs.mkdirSync(path.dirname(STACK_FILE), { recursive: true });
  fs.writeFileSync(STACK_FILE, JSON.stringify(info, null, 2));
  process.env.PLANBOARD_E2E_STACK = JSON.stringify(info);
};
