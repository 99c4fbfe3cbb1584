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

  it('reads admission limits as running/waiting, with defaults, and refuses a malformed one', () => {
    const config = parseConfig({ AzureWebJobsStorage: 'x', LIMIT_EXPORTS: ' 3 / 0 ' });
    expect(config.LIMIT_EXPORTS).toEqual({ running: 3, waiting: 0 });
    expect(config.LIMIT_PLAN_READS).toEqual({ running: 8, waiting: 64 });
    expect(() => parseConfig({ AzureWebJobsStorage: 'x', LIMIT_PLAN_SAVES: '0/10' })).toThrow(/LIMIT_PLAN_SAVES.*running\/waiting/);
    expect(() => parseConfig({ AzureWebJobsStorage: 'x', LIMIT_IMPORTS: 'many' })).toThrow(/LIMIT_IMPORTS/);
  });

  it('rejects a non-numeric timeout', () => {
    expect(() => parseConfig({ AzureWebJobsStorage: 'x', HEALTH_TIMEOUT_MS: 'soon' })).toThrow(/HEALTH_TIMEOUT_MS/);
  });

  it('defaults the KPI push dataset to the emulator sample and rejects a malformed id', () => {
    const config = parseConfig({ AzureWebJobsStorage: 'x' });
    expect([config.KPI_PUSH_WORKSPACE_ID, config.KPI_PUSH_DATASET_ID]).toEqual([
      'e06e78eb-4704-5e71-bcaa-90f569d13fe4',
      '07007641-7511-5d1b-a273-cfdedee3e811',
    ]);
    expect(() => parseConfig({ AzureWebJobsStorage: 'x', KPI_PUSH_DATASET_ID: 'kpis' })).toThrow(/KPI_PUSH_DATASET_ID/);
  });

  it('accepts tokens of the Teams / Microsoft 365 hosts and the tab by default; the list can be set', () => {
    const config = parseConfig({ AzureWebJobsStorage: 'x', AUTH_TAB_CLIENT_ID: 'tab-id' });
    expect(config.AUTH_ALLOWED_CLIENT_IDS).toEqual(
      expect.arrayContaining(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', 'tab-id']),
    );
    expect(parseConfig({ AzureWebJobsStorage: 'x', AUTH_ALLOWED_CLIENT_IDS: 'a, b' }).AUTH_ALLOWED_CLIENT_IDS).toEqual(['a', 'b']);
  });

  it('reads the store data sources, trimming the folder, and refuses a malformed Dataverse URL', () => {
    const config = parseConfig({
      AzureWebJobsStorage: 'x',
      STORE_SALES_DRIVE_ID: 'b!drive',
      STORE_SALES_FOLDER: '/Store data/Weekly sales/',
      DATAVERSE_API_URL: 'http://127.0.0.1:7420/api/data/v9.2',
    });
    expect(config.STORE_SALES_FOLDER).toBe('Store data/Weekly sales');
    expect(config.GRAPH_API_URL).toBe('https://graph.microsoft.com/v1.0');
    expect(() => parseConfig({ AzureWebJobsStorage: 'x', DATAVERSE_API_URL: 'not a url' })).toThrow(/DATAVERSE_API_URL/);
  });
});
