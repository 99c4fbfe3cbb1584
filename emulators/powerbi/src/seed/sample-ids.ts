import { sampleTenantId } from '@planboard/server';
import { sampleGuid } from '../util/ids';

/** The three environments and the modules that have Power BI content. */
export const environments = ['Dev', 'Test', 'Prod'] as const;
/** Dev, Test or Prod. */
export type Environment = (typeof environments)[number];
/** Modules with Power BI content (Training has none). */
export const modules = ['Budget', 'KPI', 'Operations', 'Stores'] as const;
/** One module. */
export type Module = (typeof modules)[number];

/** The local identity provider's Power BI service principal (emulators/identity localClients.powerBi). */
export const defaultServicePrincipalAppId = '10ca1a00-0000-4000-8000-000000000003';

/** A seeded workspace's id (stable across machines). */
export function workspaceIdOf(module: Module, environment: Environment): string {
  return sampleGuid(`workspace:${module}:${environment}`);
}

/** A seeded dataset's id. */
export function datasetIdOf(key: string, environment: Environment): string {
  return sampleGuid(`dataset:${key}:${environment}`);
}

/** A seeded report's id. */
export function reportIdOf(key: string, environment: Environment): string {
  return sampleGuid(`report:${key}:${environment}`);
}

/** RLS roles of the budget and store datasets: the names the app sends as effective identity roles. */
export const rlsRoles = {
  businessUnit: 'BusinessUnitScope',
  store: 'StoreScope',
  department: 'DepartmentScope',
  all: 'AllData',
  staticSalesNorth: 'SalesNorthOnly',
} as const;

/** The ids other components configure themselves with (Prod environment). */
export const sampleIds = {
  tenantId: sampleTenantId,
  servicePrincipalAppId: defaultServicePrincipalAppId,
  capacities: { premium: sampleGuid('capacity:premium'), embedded: sampleGuid('capacity:embedded') },
  budget: {
    workspaceId: workspaceIdOf('Budget', 'Prod'),
    datasetId: datasetIdOf('budget', 'Prod'),
    reportId: reportIdOf('budget', 'Prod'),
  },
  stores: {
    workspaceId: workspaceIdOf('Stores', 'Prod'),
    datasetId: datasetIdOf('store-sales', 'Prod'),
    reportId: reportIdOf('store-sales', 'Prod'),
  },
  /** The KPI Dashboard (its id from the days it was bound to the push dataset) on the KPI Monitoring model. */
  kpi: {
    workspaceId: workspaceIdOf('KPI', 'Prod'),
    datasetId: datasetIdOf('kpi-monitoring', 'Prod'),
    reportId: reportIdOf('kpi-push', 'Prod'),
  },
  /** The push dataset the KPI module appends every data point to, and its report (no RLS). */
  kpiPush: {
    workspaceId: workspaceIdOf('KPI', 'Prod'),
    datasetId: datasetIdOf('kpi-push', 'Prod'),
    reportId: reportIdOf('kpi-live-feed', 'Prod'),
  },
  roles: rlsRoles,
} as const;
