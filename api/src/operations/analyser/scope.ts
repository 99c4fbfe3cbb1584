import type { PerformanceQuery, PerformanceReport } from '@planboard/contracts';
import type { DatasetRecord } from '@planboard/server';
import { categoryOf } from '../categories';
import type { OperationsStores } from '../stores';
import type { WorkspaceRecord } from '../workspace-store';

/** A model the view covers, with where it runs in words. */
export interface ModelInScope {
  datasetId: string;
  modelName: string;
  workspaceId: string;
  workspaceName: string;
  environment: string;
  module: string;
  capacityId: string;
  dedicated: boolean;
}

export interface Scope {
  models: Map<string, ModelInScope>;
  filters: PerformanceReport['filters'];
}

/** Shared capacity has no id; its refreshes are grouped under this key. */
export const sharedCapacity = 'shared';

/**
 * The models the filters select (environment and module as the Operations page shows them: the
 * admin's assignment, else the guess from the workspace name), and every filter value on offer.
 */
export async function scopeOf(
  stores: Pick<OperationsStores, 'catalog' | 'workspaces' | 'categories'>,
  query: PerformanceQuery,
): Promise<Scope> {
  const [datasets, workspaces, assigned] = await Promise.all([stores.catalog.list(), stores.workspaces.list(), stores.categories.all()]);
  const byId = new Map<string, WorkspaceRecord>(workspaces.map((ws) => [ws.workspaceId, ws]));
  const all = datasets
    .filter((dataset): dataset is DatasetRecord => Boolean(dataset.workspaceId) && dataset.refreshable !== false)
    .map((dataset): ModelInScope => {
      const ws = byId.get(dataset.workspaceId);
      const name = ws?.name ?? dataset.workspaceName;
      const category = categoryOf(name, assigned.get(dataset.workspaceId));
      return {
        datasetId: dataset.datasetId,
        modelName: dataset.datasetName,
        workspaceId: dataset.workspaceId,
        workspaceName: name,
        environment: category.environment,
        module: category.module,
        capacityId: ws?.dedicated && ws.capacityId ? ws.capacityId.toLowerCase() : sharedCapacity,
        dedicated: ws?.dedicated === true,
      };
    });
  const lower = (value: string | undefined) => value?.toLowerCase();
  const selected = all.filter(
    (model) =>
      (!query.environment || model.environment.toLowerCase() === lower(query.environment)) &&
      (!query.module || model.module.toLowerCase() === lower(query.module)) &&
      (!query.workspace || model.workspaceId.toLowerCase() === lower(query.workspace)),
  );
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en'));
  const workspaceNames = new Map(all.map((model) => [model.workspaceId, model.workspaceName]));
  return {
    models: new Map(selected.map((model) => [model.datasetId, model])),
    filters: {
      environments: sorted(all.map((model) => model.environment)),
      modules: sorted(all.map((model) => model.module)),
      workspaces: [...workspaceNames]
        .map(([workspaceId, name]) => ({ workspaceId, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    },
  };
}

export function placeOf(model: ModelInScope) {
  const { datasetId, modelName, workspaceId, workspaceName, environment, module } = model;
  return { datasetId, modelName, workspaceId, workspaceName, environment, module };
}
