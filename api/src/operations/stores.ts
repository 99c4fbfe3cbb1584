import { CatalogStore, WatchStore } from '@planboard/server';
import { CategoryStore } from './category-store';
import { HistoryStore } from './history-store';
import { WorkspaceStore } from './workspace-store';

/** Every store the Operations routes use, on one storage account (clients only, no state). */
export interface OperationsStores {
  catalog: CatalogStore;
  watch: WatchStore;
  workspaces: WorkspaceStore;
  categories: CategoryStore;
  history: HistoryStore;
}

export function operationsStores(connectionString: string): OperationsStores {
  return {
    catalog: new CatalogStore(connectionString),
    watch: new WatchStore(connectionString),
    workspaces: new WorkspaceStore(connectionString),
    categories: new CategoryStore(connectionString),
    history: new HistoryStore(connectionString),
  };
}
