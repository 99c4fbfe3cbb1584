import { parseConfig } from './config';

describe('API configuration', () => {
  it('rejects a missing storage connection, naming the setting', () => {
    expect(() => parseConfig({})).toThrow(/AzureWebJobsStorage/);
  });

  it('accepts a connection string and fills defaults', () => {
    const config = parseConfig({ AzureWebJobsStorage: 'UseDevelopmentStorage=true' });
    expect(config.HEALTH_TIMEOUT_MS).toBe(3000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('rejects a non-numeric timeout', () => {
    expect(() => parseConfig({ AzureWebJobsStorage: 'x', HEALTH_TIMEOUT_MS: 'soon' })).toThrow(/HEALTH_TIMEOUT_MS/);
  });
});
