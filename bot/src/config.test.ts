import { parseConfig } from './config';

describe('bot configuration', () => {
  const storage = { AzureWebJobsStorage: 'UseDevelopmentStorage=true' };

  it('runs anonymously against the local emulators by default', () => {
    const settings = parseConfig(storage);
    expect(settings).toMatchObject({
      MicrosoftAppId: '',
      MicrosoftAppType: 'MultiTenant',
      AUTH_TENANT_IDS: ['7d3c0b9e-2f4a-4c61-9b8e-5a1f0c2d3e4b'],
    });
    expect(settings.POWERBI_AUTHORITY).toMatch(/^https:\/\/localhost:53443\//);
  });

  it('takes the tenant and the Power BI authority from the Azure app settings', () => {
    const settings = parseConfig({
      ...storage,
      MicrosoftAppId: 'bot-id',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant-a',
      AAD_APP_TENANT_ID: 'tenant-a',
      POWERBI_TENANT_ID: 'tenant-a',
      POWERBI_AUTHORITY: 'https://login.microsoftonline.us/tenant-a',
    });
    expect(settings.AUTH_TENANT_IDS).toEqual(['tenant-a']);
    expect(settings.POWERBI_AUTHORITY).toBe('https://login.microsoftonline.us/tenant-a');
  });

  it('takes the Power BI authority only from the settings, never a hard-coded host', () => {
    expect(() => parseConfig({ ...storage, POWERBI_TENANT_ID: 'tenant-a' })).toThrow(/POWERBI_TENANT_ID needs POWERBI_AUTHORITY/);
  });

  it('refuses SingleTenant without an app id (botbuilder would throw later, less clearly)', () => {
    expect(() => parseConfig({ ...storage, MicrosoftAppType: 'SingleTenant' })).toThrow(/SingleTenant needs MicrosoftAppId/);
    expect(() => parseConfig({})).toThrow(/AzureWebJobsStorage/);
  });
});
