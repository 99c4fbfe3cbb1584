/**
 * Schedule health: the third scheduled failure in a row, a schedule Power BI disabled, and stale
 * models — found by the detection run, alerted once each through the notifications queue.
 */
export { atRiskNotification, disabledNotification, staleNotification, staleNotificationId } from './notifications';
export { failuresBeforeDisable, onScheduledFailure, raiseHealthAlert, repairHealthAlerts, type HealthDeps } from './rules';
export { scanStaleModels } from './scan';
export { staleness, type Staleness } from './stale';
export { HealthStore, type Snooze, type StoredHealthAlert } from './store';
