module.exports = async function globalTeardown() {
  await globalThis.__AZURITE__?.stop();
};
