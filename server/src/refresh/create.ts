import type { Notification } from '@planboard/contracts';
import { enqueueNotification } from '../notify/enqueue';
import type { PowerBiClient } from '../powerbi';
import { CatalogStore } from './catalog-store';
import { emulatorClock, systemClock, type ServiceClock } from './clock';
import type { DetectionDeps } from './detect';
import { FailureStore } from './failure-store';
import { HealthStore } from './health/store';
import type { RefreshSettings } from './settings';
import { WatchStore } from './watch-store';

/** The stores of refresh detection on one storage account. */
export interface RefreshStores {
  catalog: CatalogStore;
  watch: WatchStore;
  failures: FailureStore;
  health: HealthStore;
}

export function refreshStores(connectionString: string): RefreshStores {
  return {
    catalog: new CatalogStore(connectionString),
    watch: new WatchStore(connectionString),
    failures: new FailureStore(connectionString),
    health: new HealthStore(connectionString),
  };
}

/** Power BI's clock as these settings say (the emulator's when `POWERBI_CLOCK_URL` is set). */
export function serviceClock(settings: Pick<RefreshSettings, 'POWERBI_CLOCK_URL'>): ServiceClock {
  return settings.POWERBI_CLOCK_URL ? emulatorClock(settings.POWERBI_CLOCK_URL) : systemClock;
}

/** Detection wired to storage, the queue and the service principal's Power BI client. */
export function createDetection(
  settings: RefreshSettings,
  powerBi: PowerBiClient,
  log: (message: string) => void,
  send: (notification: Notification) => Promise<void> = (notification) => enqueueNotification(settings.AzureWebJobsStorage, notification),
): DetectionDeps {
  return {
    ...refreshStores(settings.AzureWebJobsStorage),
    powerBi,
    send,
    clock: serviceClock(settings),
    historyTop: settings.REFRESH_HISTORY_TOP,
    slotGraceMs: settings.REFRESH_GRACE_MINUTES * 60_000,
    repairAfterMs: settings.REFRESH_REPAIR_AFTER_SECONDS * 1000,
    realNow: Date.now,
    log,
  };
}
