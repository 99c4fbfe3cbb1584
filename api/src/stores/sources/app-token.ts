import { createConfidentialClient, ServicePrincipalTokenSource, type TokenSource } from '@planboard/server';
import type { ApiConfig } from '../../config';

/** One msal client per process for the sources' app registration (msal's token cache lives in it). */
let shared: { key: string; app: ReturnType<typeof createConfidentialClient> } | undefined;

/**
 * An app-only token source for a resource (`https://graph.microsoft.com`, the Dataverse
 * environment URL), from the same identity provider and msal client code the Power BI client uses.
 */
export function appTokenSource(settings: ApiConfig, resource: string): TokenSource {
  const key = `${settings.POWERBI_AUTHORITY}|${settings.STORE_SOURCES_CLIENT_ID}`;
  if (shared?.key !== key)
    shared = {
      key,
      app: createConfidentialClient({
        clientId: settings.STORE_SOURCES_CLIENT_ID,
        clientSecret: settings.STORE_SOURCES_CLIENT_SECRET,
        authority: settings.POWERBI_AUTHORITY,
      }),
    };
  return new ServicePrincipalTokenSource(shared.app, settings.STORE_SOURCES_CLIENT_ID, [`${resource.replace(/\/+$/, '')}/.default`]);
}
