import { DirectoryStore } from './access/directory-store';
import { BudgetStore } from './budget/store';
import { createTokenValidator, type TokenValidator } from './auth/token-validator';
import { config } from './config';

/**
 * Clients built once per process from the configuration. They hold connections and key caches
 * only — no application state — so any number of instances behave like one.
 */
export interface Services {
  validateToken: TokenValidator;
  directory: DirectoryStore;
  budget: BudgetStore;
}

let services: Services | undefined;

export function getServices(): Services {
  if (services) return services;
  const settings = config();
  services = {
    validateToken: createTokenValidator({
      issuerTemplates: settings.AUTH_ISSUERS,
      audiences: settings.AUTH_AUDIENCES,
      tenants: settings.AUTH_TENANT_IDS,
      jwksUris: settings.AUTH_JWKS_URIS,
      requiredScope: 'access_as_user',
    }),
    directory: new DirectoryStore(settings.AzureWebJobsStorage),
    budget: new BudgetStore(settings.AzureWebJobsStorage),
  };
  return services;
}
