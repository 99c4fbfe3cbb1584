import { sampleUsers } from '@planboard/server';
import type { EmulatorState } from '../model/state';
import type { Member, ReportState } from '../model/types';
import { seedCapacityMetrics } from './capacity-metrics';
import { catalog, type CatalogEntry } from './catalog';
import { newDataset } from './dataset-factory';
import { seededHistory } from './history';
import { kpiPushTables } from './models';
import { datasetIdOf, environments, modules, reportIdOf, sampleIds, workspaceIdOf, type Environment } from './sample-ids';
import { everyone, sampleAdmins } from './security';

/** Who runs the sample tenant's Power BI: the app's service principal(s). */
export interface SampleTenantOptions {
  servicePrincipals: string[];
}

const managers = sampleUsers.filter((user) => user.role === 'manager').map((user) => user.upn.toLowerCase());
/** A former BI developer who still owns some Dev datasets, so take-over matters. */
const formerOwner = 'bi.developer@contoso.onmicrosoft.com';

/** Workspace members: the service principals as admins, the sample admins as members, managers as viewers of Budget and Stores. */
export function defaultMembers(servicePrincipals: string[], module?: string): Member[] {
  return [
    ...servicePrincipals.map((id): Member => ({ identifier: id, principalType: 'App', role: 'Admin' })),
    ...sampleAdmins.map((upn): Member => ({ identifier: upn, principalType: 'User', role: 'Member' })),
    ...(module === 'Budget' || module === 'Stores'
      ? managers.map((upn): Member => ({ identifier: upn, principalType: 'User', role: 'Viewer' }))
      : []),
  ];
}

function ownerOf(entry: CatalogEntry, environment: Environment, index: number, servicePrincipal: string): string {
  if (entry.key === 'kpi-push' || (environment === 'Prod' && ['budget', 'store-sales', 'kpi-monitoring'].includes(entry.key)))
    return servicePrincipal;
  if (environment === 'Dev' && index % 3 === 0) return formerOwner;
  return sampleAdmins[index % sampleAdmins.length] ?? formerOwner;
}

/**
 * The sample tenant: 2 capacities, 3 environments × 4 modules of workspaces (Dev on shared
 * capacity, Test on Embedded, Prod on Premium), two or three datasets with a report each per workspace
 * (and one report in Operations (Prod) bound to the Prod budget model, across workspaces),
 * schedules, and 30 days of refresh history with failures and slow outliers.
 */
export function seedSampleTenant(state: EmulatorState, options: SampleTenantOptions): void {
  const now = state.clock.now();
  const servicePrincipal = options.servicePrincipals[0] ?? sampleIds.servicePrincipalAppId;
  state.addCapacity({
    id: sampleIds.capacities.premium,
    displayName: 'Planboard Premium P1',
    sku: 'P1',
    region: 'West Europe',
    admins: [sampleAdmins[1] ?? ''],
    kind: 'premium',
  });
  state.addCapacity({
    id: sampleIds.capacities.embedded,
    displayName: 'Planboard Embedded A1 (Test)',
    sku: 'A1',
    region: 'West Europe',
    admins: [sampleAdmins[1] ?? ''],
    kind: 'embedded',
  });
  for (const environment of environments) {
    const capacityId =
      environment === 'Prod' ? sampleIds.capacities.premium : environment === 'Test' ? sampleIds.capacities.embedded : undefined;
    for (const module of modules) {
      const workspaceId = workspaceIdOf(module, environment);
      state.addWorkspace({
        id: workspaceId,
        name: `Planboard ${module} (${environment})`,
        ...(capacityId ? { capacityId } : {}),
        members: defaultMembers(options.servicePrincipals, module),
      });
      catalog
        .filter((entry) => entry.module === module)
        .forEach((entry, index) => {
          const id = datasetIdOf(entry.key, environment);
          const model = entry.model?.() ?? { tables: [], relationships: [], roles: [] };
          const dataset = newDataset({
            id,
            name: entry.name,
            workspaceId,
            configuredBy: ownerOf(entry, environment, index + modules.indexOf(module), servicePrincipal),
            createdAt: now - 400 * 24 * 60 * 60_000,
            model,
            refreshDurationMs: entry.durationMs,
            ...(entry.model ? {} : { push: { tables: kpiPushTables(), retention: 'basicFIFO' as const } }),
            ...(model.roles.length ? { users: [{ ...everyone, datasetUserAccessRight: 'ReadExplore' }] } : {}),
          });
          const schedule = entry.schedule(environment);
          if (schedule) {
            dataset.schedule = { ...dataset.schedule, ...schedule };
            const profile = {
              key: `${entry.key}:${environment}`,
              baseDurationMs: Math.max(entry.durationMs, 30_000),
              autoDisabled: entry.autoDisabledIn === environment,
            };
            const { history, consecutiveFailures } = seededHistory(dataset.schedule, profile, now);
            dataset.history = history;
            dataset.schedule.consecutiveFailures = consecutiveFailures;
            if (profile.autoDisabled) dataset.schedule.enabled = false;
          }
          state.addDataset(dataset);
          const pages: ReportState['pages'] = [
            { name: 'ReportSection', displayName: 'Overview' },
            { name: 'ReportSection1', displayName: 'Details' },
          ];
          state.addReport({
            id: reportIdOf(entry.reportKey ?? entry.key, environment),
            name: entry.reportName,
            workspaceId,
            datasetId: id,
            pages,
          });
        });
    }
  }
  // A report bound to a model in another workspace: the Operations team watches the Prod budget model.
  state.addReport({
    id: reportIdOf(crossWorkspaceReport.key, 'Prod'),
    name: crossWorkspaceReport.name,
    workspaceId: workspaceIdOf('Operations', 'Prod'),
    datasetId: datasetIdOf('budget', 'Prod'),
    pages: [{ name: 'ReportSection', displayName: 'Overview' }],
  });
  seedCapacityMetrics(state, now);
}

/** The sample tenant's one report whose model lives in another workspace (Operations (Prod) → Budget (Prod)). */
export const crossWorkspaceReport = { key: 'budget-refresh-health', name: 'Budget Refresh Health' } as const;
