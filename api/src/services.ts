import { DirectoryStore, TrainingStore, createPowerBiClient, type PowerBiClient } from '@planboard/server';
import { BudgetStore } from './budget/store';
import { SaveGroups } from './budget/group-commit';
import { PlanSnapshots } from './budget/snapshots';
import { createTokenValidator, type TokenValidator } from './auth/token-validator';
import { config } from './config';
import { KpiStore } from './kpi/store';

/**
 * Clients built once per process from the configuration. They hold connections and key caches
 * only — no application state — so any number of instances behave like one.
 */
export interface Services {
  validateToken: TokenValidator;
  directory: DirectoryStore;
  budget: BudgetStore;
  /** Snapshots of plans being saved, brought up to date by delta reads (a cache writes never trust: ETags decide). */
  budgetSnapshots: PlanSnapshots;
  /** Saves of one plan partition that arrive together are committed together (group commit; ETags still decide). */
  budgetSaves: SaveGroups;
  kpis: KpiStore;
  training: TrainingStore;
  /** App-only calls as the service principal (refreshes, embed tokens, operations). */
  powerBi: PowerBiClient;
  /** On-behalf-of calls as the signed-in user (`.onBehalfOf(token)`), so Power BI RLS applies. */
  powerBiAsUser: PowerBiClient;
}

let services: Services | undefined;

export function getServices(): Services {
  if (services) return services;
  const settings = config();
  const budget = new BudgetStore(settings.AzureWebJobsStorage);
  const budgetSnapshots = new PlanSnapshots(budget);
  services = {
    validateToken: createTokenValidator({
      issuerTemplates: settings.AUTH_ISSUERS,
      audiences: settings.AUTH_AUDIENCES,
      tenants: settings.AUTH_TENANT_IDS,
      jwksUris: settings.AUTH_JWKS_URIS,
      allowedClientIds: settings.AUTH_ALLOWED_CLIENT_IDS,
      requiredScope: 'access_as_user',
    }),
    directory: new DirectoryStore(settings.AzureWebJobsStorage),
    budget,
    budgetSnapshots,
    budgetSaves: new SaveGroups(budget, budgetSnapshots),
    kpis: new KpiStore(settings.AzureWebJobsStorage),
    training: new TrainingStore(settings.AzureWebJobsStorage),
    powerBi: createPowerBiClient({
      baseUrl: settings.POWERBI_API_URL,
      maxConcurrency: settings.POWERBI_MAX_CONCURRENCY,
      servicePrincipal: {
        clientId: settings.POWERBI_CLIENT_ID,
        clientSecret: settings.POWERBI_CLIENT_SECRET,
        authority: settings.POWERBI_AUTHORITY,
      },
    }),
    powerBiAsUser: createPowerBiClient({
      baseUrl: settings.POWERBI_API_URL,
      maxConcurrency: settings.POWERBI_MAX_CONCURRENCY,
      servicePrincipal: {
        clientId: settings.POWERBI_OBO_CLIENT_ID,
        clientSecret: settings.POWERBI_OBO_CLIENT_SECRET,
        authority: settings.POWERBI_AUTHORITY,
      },
    }),
  };
  return services;
}
