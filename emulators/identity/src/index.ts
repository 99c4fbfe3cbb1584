/**
 * Local OpenID Connect provider issuing Microsoft Entra ID–shaped tokens (oidc-provider,
 * configured). The stack starts it with {@link startIdentityProvider}; tests use `./testing`.
 */
export { startIdentityProvider, type RunningIdentityProvider } from './start';
export { ensureDevCertificates, defaultHostnames, type DevCertificates, type DevCertificateOptions } from './certs';
export { caFetch, type CaFetch } from './ca-fetch';
export type { IdentityProviderOptions } from './config/settings';
export {
  localClients,
  defaultHttpsPort,
  defaultTabDomain,
  defaultTabOrigins,
  powerBiResource,
  graphResource,
  dataverseResource,
  apiGraphRoles,
  accessAsUser,
} from './config/defaults';
export type { EntraClient, ResourcePermissions } from './config/clients';
export type { DirectoryUser } from './directory';
export type { MintRequest, MintResponse } from './provider/mint';
export type { EmulatorConfig, EmulatorClientInfo, IdentityProviderUrls, TenantEndpoints } from './urls';
