import type { OperationsModel, OperationsWorkspace } from '@planboard/contracts';
import { failedRecently, historyNotRead, isRunning, isStale } from './opsFormat';

/** One tile of the overview: an environment × module with its counts. */
export interface OverviewTile {
  key: string;
  environment: string;
  module: string;
  workspaces: number;
  models: number;
  running: number;
  failed: number;
  stale: number;
  /** Refreshable models without stored history yet (neither fresh nor stale as far as Planboard knows). */
  notRead: number;
}

const environmentOrder = ['Prod', 'Test', 'Dev'];
const rank = (environment: string) => {
  const index = environmentOrder.indexOf(environment);
  return index === -1 ? environmentOrder.length : index;
};

/** Tiles by environment × module (Prod first, then Test, Dev, custom ones), modules by name. */
export function overviewTiles(
  workspaces: readonly OperationsWorkspace[],
  models: readonly OperationsModel[],
  nowMs: number,
): OverviewTile[] {
  const tiles = new Map<string, OverviewTile>();
  const tileOf = new Map<string, OverviewTile>();
  for (const ws of workspaces) {
    const key = `${ws.environment}\u0000${ws.module}`;
    let tile = tiles.get(key);
    if (!tile) {
      tile = { key, environment: ws.environment, module: ws.module, workspaces: 0, models: 0, running: 0, failed: 0, stale: 0, notRead: 0 };
      tiles.set(key, tile);
    }
    tile.workspaces += 1;
    tileOf.set(ws.workspaceId.toLowerCase(), tile);
  }
  for (const model of models) {
    const tile = tileOf.get(model.workspaceId.toLowerCase());
    if (!tile) continue;
    tile.models += 1;
    if (isRunning(model)) tile.running += 1;
    if (failedRecently(model, nowMs)) tile.failed += 1;
    if (isStale(model, nowMs)) tile.stale += 1;
    if (historyNotRead(model)) tile.notRead += 1;
  }
  return [...tiles.values()].sort(
    (a, b) => rank(a.environment) - rank(b.environment) || a.environment.localeCompare(b.environment) || a.module.localeCompare(b.module),
  );
}

/** Totals over all tiles, for the line above them. */
export function overviewTotals(tiles: readonly OverviewTile[]): Omit<OverviewTile, 'key' | 'environment' | 'module'> {
  return tiles.reduce(
    (sum, tile) => ({
      workspaces: sum.workspaces + tile.workspaces,
      models: sum.models + tile.models,
      running: sum.running + tile.running,
      failed: sum.failed + tile.failed,
      stale: sum.stale + tile.stale,
      notRead: sum.notRead + tile.notRead,
    }),
    { workspaces: 0, models: 0, running: 0, failed: 0, stale: 0, notRead: 0 },
  );
}

/** Workspaces whose name contains the filter (case-insensitive), also matching environment and module. */
export function filterWorkspaces(workspaces: readonly OperationsWorkspace[], filter: string): OperationsWorkspace[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return [...workspaces];
  return workspaces.filter((ws) => [ws.name, ws.environment, ws.module].some((text) => text.toLowerCase().includes(needle)));
}

/** Suggestions for the module field: the suggested ones and every module already in use, once each. */
export function moduleSuggestions(workspaces: readonly OperationsWorkspace[], suggested: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of [...suggested, ...workspaces.map((ws) => ws.module)])
    if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
