import { ManagedIdentityCredential } from '@azure/identity';
import { parseConfig } from '../../../api/src/config';
import { queueClient } from '../notify/queue';
import { storageConnection, storageSetting } from './connection';
import { tableClient } from './tables';

const identityEnv = {
  AzureWebJobsStorage__accountName: 'stplanboarddata',
  AzureWebJobsStorage__credential: 'managedidentity',
  AzureWebJobsStorage__clientId: '3f0c1b8e-7a53-4f3e-9d8e-1c2b3a4d5e6f',
};

describe('storage connection (as the Functions host reads AzureWebJobsStorage)', () => {
  it('uses the connection string when one is set (local: Azurite)', () => {
    const setting = storageSetting({ AzureWebJobsStorage: 'UseDevelopmentStorage=true', ...identityEnv });
    expect(setting).toBe('UseDevelopmentStorage=true');
    expect(storageConnection(setting ?? '').kind).toBe('connectionString');
  });

  it('uses the managed identity named by __clientId for an identity-based connection (Azure: no key anywhere)', () => {
    const setting = storageSetting(identityEnv) ?? '';
    const connection = storageConnection(setting);
    expect(connection).toMatchObject({
      kind: 'identity',
      tableUrl: 'https://stplanboarddata.table.core.windows.net',
      queueUrl: 'https://stplanboarddata.queue.core.windows.net',
    });
    expect(connection.kind === 'identity' && connection.credential).toBeInstanceOf(ManagedIdentityCredential);
    expect(tableClient(setting, 'budget').url).toBe('https://stplanboarddata.table.core.windows.net');
    expect(queueClient(setting, 'notifications').url).toBe('https://stplanboarddata.queue.core.windows.net/notifications');
  });

  it('takes explicit service URIs (sovereign clouds, private endpoints)', () => {
    const setting = storageSetting({
      AzureWebJobsStorage__tableServiceUri: 'https://acct.table.core.usgovcloudapi.net',
      AzureWebJobsStorage__queueServiceUri: 'https://acct.queue.core.usgovcloudapi.net',
    });
    expect(storageConnection(setting ?? '')).toMatchObject({ kind: 'identity', tableUrl: 'https://acct.table.core.usgovcloudapi.net' });
  });

  it('lets the API start with only the identity-based settings, and names both forms when neither is set', () => {
    expect(parseConfig(identityEnv).AzureWebJobsStorage).toMatch(/^identity:/);
    expect(() => parseConfig({})).toThrow(/AzureWebJobsStorage \(a connection string\) or AzureWebJobsStorage__accountName/);
  });
});
