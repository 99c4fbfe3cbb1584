module.exports = async function globalTeardown() {
  await Promise.all((globalThis.__PLANBOARD_PROCESSES__ ?? []).map((proc) => proc.stop()));
};
