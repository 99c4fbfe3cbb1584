import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { banner } from './banner';
import { PortInUseError } from './ports';
import { repoRoot } from './settings';
import { stackFile, startStack, writeStackFile } from './stack';

/** The built tab is served as is; started without `npm start` (which builds it first), build it once if it is missing. */
function ensureBuiltTab(): void {
  if (existsSync(join(repoRoot, 'tabs', 'dist', 'index.html'))) return;
  console.log('tabs/dist is missing: building the tab (npm run build -w tabs)…');
  execFileSync('npm', ['run', 'build', '-w', 'tabs'], { cwd: repoRoot, stdio: 'inherit' });
}

/**
 * `npm start`: the whole local stack in one terminal, serving the built tab (hashed, compressed
 * assets, as users get it); `npm run dev` (`--dev`): the same with Vite's dev server and hot
 * reload for working on the tab. Ctrl-C stops every process it started.
 */
async function main(): Promise<void> {
  const tabMode = process.argv.includes('--dev') ? 'dev' : 'preview';
  if (tabMode === 'preview') ensureBuiltTab();
  console.log(
    `Starting Planboard: Azurite, Functions hosts (api, bot), sample tenant, tab (${tabMode === 'dev' ? 'dev server with hot reload' : 'built'})…`,
  );
  const stack = await startStack({ seed: true, persist: true, tabMode, echo: true });
  writeStackFile(stack);
  console.log(banner(stack));
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Planboard…`);
    await stack.stop();
    rmSync(stackFile, { force: true });
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
}

main().catch((error: unknown) => {
  if (error instanceof PortInUseError) console.error(`\n${error.message}\n`);
  else console.error('\nPlanboard failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
