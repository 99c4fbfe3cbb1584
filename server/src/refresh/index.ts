/**
 * Refresh failure detection: the dataset catalog, the watch list, the failure records and the
 * detection run. The API's timers drive it; the bot reuses the stores and helpers for its
 * `status`, `refresh` and `schedule` commands and card retries.
 */
export {
  applySchedule,
  environmentOf,
  storedSchedule,
  syncCatalog,
  syncWorkspaceDatasets,
  type CatalogPowerBi,
  type SyncReport,
} from './catalog-sync';
export { CatalogStore, type DatasetRecord, type LastRefresh } from './catalog-store';
export { emulatorClock, fixedClock, systemClock as systemServiceClock, type ServiceClock } from './clock';
export { createDetection, refreshStores, serviceClock, type RefreshStores } from './create';
export { detectRefreshFailures, type DetectionDeps, type DetectionReport } from './detect';
export { FailureStore, failureKeys, failureNotificationId, type StoredFailure } from './failure-store';
export { HealthStore, failuresBeforeDisable, raiseHealthAlert, staleness, type Snooze, type Staleness } from './health';
export { datasetLabel, findDataset, type DatasetMatch } from './find';
export { analyzeHistory, type FailureFact, type HistoryFacts } from './history';
export {
  findOutliers,
  isOutlier,
  median as medianOf,
  outlierBaseline,
  outlierRule,
  outlierRuleText,
  type DurationSample,
  type OutlierBaseline,
  type OutlierVerdict,
} from './outliers';
export { parseRefreshSettings, refreshSettings, type RefreshSettings } from './settings';
export { keyPart, refreshTableNames, tolerate } from './tables';
export { isKnownTimeZone, knownTimeZones, nextSlotAfter, weekdays, type StoredSchedule } from './slots';
export { watchRefresh, type WatchRequest } from './watch';
export { WatchStore, type RetryContext, type WatchEntry, type WatchReason } from './watch-store';
