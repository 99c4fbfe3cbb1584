/**
 * Values that point the API at the local emulators when no setting says otherwise. They are
 * public identifiers of the local sample tenant, not secrets; Azure deployments set every one.
 */
export { sampleTenantId } from './sample/directory';

/** The local identity provider (emulators/identity) — HTTPS, as msal-node requires. */
export const localIdentityAuthority = 'https://localhost:8443';

/** The API app registration's client id in the local provider. */
export const localApiClientId = 'e1a5e0b4-7f3c-4d6e-9a2b-1c0d5e6f7a8b';
