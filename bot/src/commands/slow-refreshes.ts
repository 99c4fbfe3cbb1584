import { findOutliers, type DatasetRecord, type Refresh } from '@planboard/server';
import type { BotDeps } from '../conversation/deps';

/** A refresh of the last 24 h far slower than its model's own norm. */
export interface SlowRefresh {
  dataset: DatasetRecord;
  startTime: string;
  durationMs: number;
  medianMs: number;
  ratio: number;
}

/** The model's norm needs its previous 30 completed refreshes, plus those of the window. */
const historyTop = 60;
/** Models looked at per `status`: a bound on Power BI calls for one chat command. */
export const maxModelsLooked = 30;

const durationOf = (refresh: Refresh): number | null => {
  const start = Date.parse(refresh.startTime ?? '');
  const end = Date.parse(refresh.endTime ?? '');
  return Number.isNaN(start) || Number.isNaN(end) ? null : Math.max(0, end - start);
};

/**
 * Slow refreshes (outliers by the shared rule, `findOutliers`) that started in [fromMs, toMs].
 * Only models the catalog saw refresh successfully in the window are asked about (an outlier is a
 * completed refresh), newest first and at most {@link maxModelsLooked}: one history read each.
 */
export async function slowRefreshes(
  deps: Pick<BotDeps, 'catalog' | 'powerBi' | 'log'>,
  fromMs: number,
  toMs: number,
): Promise<{ slow: SlowRefresh[]; looked: number; skipped: number }> {
  const recent = (await deps.catalog.list())
    .map((dataset) => ({ dataset, at: Date.parse(dataset.lastSuccessAt ?? dataset.lastRefresh?.endTime ?? '') }))
    .filter((item) => item.dataset.refreshable && item.at >= fromMs)
    .sort((a, b) => b.at - a.at);
  const looked = recent.slice(0, maxModelsLooked);
  const found = await Promise.all(
    looked.map(async ({ dataset }) => {
      try {
        const history = await deps.powerBi.refreshes.history(dataset.workspaceId, dataset.datasetId, { top: historyTop });
        const samples = history.map((refresh) => ({
          startTime: refresh.startTime ?? '',
          status: refresh.status ?? '',
          durationMs: durationOf(refresh),
        }));
        return findOutliers(samples)
          .filter((verdict) => {
            const start = Date.parse(verdict.refresh.startTime);
            return start >= fromMs && start <= toMs;
          })
          .map((verdict) => ({
            dataset,
            startTime: verdict.refresh.startTime,
            durationMs: verdict.refresh.durationMs ?? 0,
            medianMs: verdict.baseline.medianMs,
            ratio: verdict.ratio,
          }));
      } catch (error) {
        // One unreadable history must not hide the others' slow refreshes.
        deps.log(`History of ${dataset.datasetId} unavailable for status`, error);
        return [];
      }
    }),
  );
  return {
    slow: found.flat().sort((a, b) => b.startTime.localeCompare(a.startTime)),
    looked: looked.length,
    skipped: recent.length - looked.length,
  };
}
