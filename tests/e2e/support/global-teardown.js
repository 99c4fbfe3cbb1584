module.exports = async function globalTeardown() {
  const stack = globalThis.__PLANBOARD_E2E_STACK__;
  globalThis.__PLANBOARD_E2E_STACK__ = undefined;
  await stack?.stop();
  for (const busy of globalThis.__PLANBOARD_E2E_BUSY__ ?? []) busy.kill('SIGKILL');
};
