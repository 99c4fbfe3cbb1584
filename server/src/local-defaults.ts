/**
 * Values that point the API at the local emulators when no setting says otherwise. They are
 * public identifiers of the local sample tenant and emulator (see emulators/identity), not
 * secrets; Azure deployments set every one of them.
 */
import { sampleTenantId } from './sample/directory';

export { sampleTenantId };

/** The local identity provider (emulators/identity) — HTTPS, as msal-node requires. */
export const localIdentityAuthority = 'https://localhost:53443';

/** Its plain-HTTP listener for browsers (which do not trust the local CA). */
export const localBrowserAuthority = `http://127.0.0.1:53444/${sampleTenantId}`;

/** The API app registration's client id in the local provider. */
export const localApiClientId = '10ca1a00-0000-4000-8000-000000000001';

/** The tab's public client (auth code + PKCE outside Teams). */
export const localTabClientId = '10ca1a00-0000-4000-8000-000000000002';

/** Teams Toolkit's local tab domain: the Application ID URI is `api://<tab domain>/<client id>`. */
export const localTabDomain = 'localhost:53000';

/**
 * The local Power BI emulator and its sample ids (emulators/powerbi `sampleIds`). The secrets are
 * the identity emulator's published local-only values (like Azurite's account key), never real.
 */
export const localPowerBi = {
  apiUrl: 'http://127.0.0.1:7400/v1.0/myorg',
  servicePrincipalId: '10ca1a00-0000-4000-8000-000000000003',
  servicePrincipalSecret: 'local-only-powerbi-secret',
  apiSecret: 'local-only-api-secret',
  budgetWorkspaceId: '6b20398d-cc58-5ba6-8c30-ba8135bddd15',
  budgetDatasetId: 'ff316784-9e50-50e8-a3af-fbcfa7fdb938',
  kpiPushWorkspaceId: 'e06e78eb-4704-5e71-bcaa-90f569d13fe4',
  kpiPushDatasetId: '07007641-7511-5d1b-a273-cfdedee3e811',
} as const;
