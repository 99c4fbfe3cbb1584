import type { CatalogAge, CatalogSyncResult } from '@planboard/contracts';
import { type Group, type PowerBiClient, syncCatalog, type CatalogStore, type WatchStore } from '@planboard/server';
import type { WorkspaceStore } from './workspace-store';

export interface CatalogSyncDeps {
  powerBi: Pick<PowerBiClient, 'groups' | 'datasets' | 'refreshes' | 'reports'>;
  catalog: CatalogStore;
  watch: WatchStore;
  workspaces: WorkspaceStore;
}

/** How old the stored catalog is, from the time of its last sync. */
export async function catalogAge(workspaces: WorkspaceStore, nowMs = Date.now()): Promise<CatalogAge> {
  const syncedAt = await workspaces.syncedAt();
  return { syncedAt: syncedAt ?? null, ageSeconds: syncedAt ? Math.max(0, Math.floor((nowMs - Date.parse(syncedAt)) / 1000)) : null };
}

/**
 * Stores one workspace and its reports. Power BI's report has no workspace of its model, so the
 * binding is kept as the model id and resolved through the dataset catalog when read.
 */
export async function syncWorkspace(deps: Pick<CatalogSyncDeps, 'powerBi' | 'workspaces'>, group: Group): Promise<number> {
  const reports = await deps.powerBi.reports.list(group.id);
  await deps.workspaces.put({
    workspaceId: group.id,
    name: group.name ?? group.id,
    dedicated: group.isOnDedicatedCapacity === true,
    ...(group.capacityId ? { capacityId: group.capacityId } : {}),
  });
  await deps.workspaces.replaceReports(
    group.id,
    reports.map((report) => ({
      reportId: report.id,
      workspaceId: group.id,
      name: report.name ?? report.id,
      ...(report.datasetId ? { datasetId: report.datasetId } : {}),
    })),
  );
  return reports.length;
}

/**
 * The whole catalog: datasets and schedules through the refresh catalog sync (detection and the
 * bot read the same rows), then workspaces and reports. A workspace that cannot be read keeps
 * what was stored for it; workspaces that are gone are removed.
 */
export async function syncOperationsCatalog(deps: CatalogSyncDeps, serviceNowMs: number): Promise<CatalogSyncResult> {
  const datasets = await syncCatalog(deps.powerBi, { catalog: deps.catalog, watch: deps.watch }, serviceNowMs);
  const groups = await deps.powerBi.groups.list();
  const failed = new Set(datasets.failedWorkspaces);
  // Counted after all settle: `reports += await …` in parallel would read `reports` before the await and lose counts.
  const counts = await Promise.all(
    groups.map(async (group) => {
      try {
        return await syncWorkspace(deps, group);
      } catch {
        failed.add(group.id);
        return 0;
      }
    }),
  );
  const reports = counts.reduce((sum, count) => sum + count, 0);
  const seen = new Set(groups.map((group) => group.id));
  for (const stored of await deps.workspaces.list()) {
    if (!seen.has(stored.workspaceId)) await deps.workspaces.remove(stored.workspaceId);
  }
  await deps.workspaces.markSynced(new Date().toISOString());
  return {
    catalog: await catalogAge(deps.workspaces),
    workspaces: groups.length,
    models: datasets.datasets,
    reports,
    failedWorkspaces: [...failed],
  };
}
