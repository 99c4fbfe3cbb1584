import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

/**
 * Where the app's tables and queues live, read the way the Functions host reads its own storage
 * connection `AzureWebJobsStorage`:
 * - locally a connection string (Azurite: `UseDevelopmentStorage=true` or an explicit one);
 * - in Azure an identity-based connection: `AzureWebJobsStorage__accountName` with
 *   `__credential=managedidentity` and `__clientId` (the user-assigned identity), or explicit
 *   `__tableServiceUri` / `__queueServiceUri`. No key or connection string exists there.
 */
export type StorageConnection =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'identity'; tableUrl: string; queueUrl: string; credential: TokenCredential; describe: string };

/** What config says when neither form is set. */
export const storageSettingRequired =
  'AzureWebJobsStorage (a connection string) or AzureWebJobsStorage__accountName (identity-based connection) is required';

/** The one setting string the app passes around: a connection string, or this prefix + the identity settings. */
const identityPrefix = 'identity:';

/**
 * Folds the host-style settings into one value for `AzureWebJobsStorage`: the connection string when
 * set, else an `identity:` descriptor of the identity-based settings, else undefined (config reports it).
 */
export function storageSetting(env: NodeJS.ProcessEnv): string | undefined {
  if (env.AzureWebJobsStorage?.trim()) return env.AzureWebJobsStorage;
  const account = env.AzureWebJobsStorage__accountName?.trim();
  const tableUri = env.AzureWebJobsStorage__tableServiceUri?.trim();
  const queueUri = env.AzureWebJobsStorage__queueServiceUri?.trim();
  if (!account && !(tableUri && queueUri)) return undefined;
  const settings = new URLSearchParams();
  if (account) settings.set('accountName', account);
  if (tableUri) settings.set('tableServiceUri', tableUri);
  if (queueUri) settings.set('queueServiceUri', queueUri);
  const credential = env.AzureWebJobsStorage__credential?.trim();
  if (credential) settings.set('credential', credential);
  const clientId = env.AzureWebJobsStorage__clientId?.trim();
  if (clientId) settings.set('clientId', clientId);
  return `${identityPrefix}${settings.toString()}`;
}

const parsed = new Map<string, StorageConnection>();

/** Parses the value of {@link storageSetting} (cached: credentials hold token caches worth sharing). */
export function storageConnection(setting: string): StorageConnection {
  let connection = parsed.get(setting);
  if (!connection) {
    connection = parse(setting);
    parsed.set(setting, connection);
  }
  return connection;
}

function parse(setting: string): StorageConnection {
  if (!setting.startsWith(identityPrefix)) return { kind: 'connectionString', connectionString: setting };
  const settings = new URLSearchParams(setting.slice(identityPrefix.length));
  const account = settings.get('accountName');
  const tableUrl = settings.get('tableServiceUri') ?? (account ? `https://${account}.table.core.windows.net` : undefined);
  const queueUrl = settings.get('queueServiceUri') ?? (account ? `https://${account}.queue.core.windows.net` : undefined);
  if (!tableUrl || !queueUrl)
    throw new Error('AzureWebJobsStorage__accountName (or both service URIs) is required for an identity-based connection');
  const clientId = settings.get('clientId') ?? undefined;
  // As the host does: `managedidentity` means the app's managed identity (the user-assigned one named by clientId).
  const credential =
    settings.get('credential') === 'managedidentity'
      ? new ManagedIdentityCredential(clientId ? { clientId } : {})
      : new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
  return { kind: 'identity', tableUrl, queueUrl, credential, describe: account ?? tableUrl };
}
