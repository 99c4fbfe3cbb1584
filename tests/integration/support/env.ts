/** The Azurite of this jest run (tests/support/global-setup.js). */
export function storageConnection(): string {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run the tests through the root jest config');
  return value;
}
