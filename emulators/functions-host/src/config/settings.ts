import { basename } from 'node:path';

/** Environment the host reads app settings from (process.env in production use). */
export type Env = Record<string, string | undefined>;

const DEV_STORAGE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
  'BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

/** Reads an app setting; names are case-insensitive on Azure, so fall back to a case-insensitive match. */
export function getSetting(env: Env, name: string): string | undefined {
  if (env[name] !== undefined) return env[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(env)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** Replaces `%NAME%` with app settings, as binding expressions resolve on Azure. */
export function resolveSettingExpressions(value: string, env: Env): string {
  return value.replace(/%([^%]+)%/g, (_whole, name: string) => {
    const resolved = getSetting(env, name);
    if (resolved === undefined) throw new Error(`'%${name}%' does not resolve to a value.`);
    return resolved;
  });
}

/**
 * Resolves a binding's `connection` to a storage connection string: the setting itself, then
 * `AzureWebJobs<name>`, default `AzureWebJobsStorage`; `UseDevelopmentStorage=true` means Azurite.
 */
export function resolveStorageConnection(connection: unknown, env: Env): string {
  const name = typeof connection === 'string' && connection.trim() ? connection.trim() : 'AzureWebJobsStorage';
  const value = getSetting(env, name) ?? getSetting(env, `AzureWebJobs${name}`);
  if (!value) throw new Error(`Storage account connection string '${name}' does not exist. Make sure that it is a defined App Setting.`);
  return /^\s*UseDevelopmentStorage=true\s*;?\s*$/i.test(value) ? DEV_STORAGE : value;
}

/**
 * The host id that scopes singleton locks: `AzureFunctionsWebHost__hostid` if set, else the site
 * name, else the app folder name — lowercased, [a-z0-9-], at most 32 characters like Azure's.
 */
export function resolveHostId(appDir: string, env: Env): string {
  const raw = getSetting(env, 'AzureFunctionsWebHost__hostid') ?? getSetting(env, 'WEBSITE_SITE_NAME') ?? basename(appDir);
  const id = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return id || 'functions-host';
}

/** True when `AzureWebJobs.<name>.Disabled` (or `AzureWebJobs__<name>__Disabled`) is "true"/"1". */
export function isFunctionDisabled(name: string, env: Env): boolean {
  const value = getSetting(env, `AzureWebJobs.${name}.Disabled`) ?? getSetting(env, `AzureWebJobs__${name}__Disabled`);
  return value !== undefined && /^(true|1)$/i.test(value.trim());
}
