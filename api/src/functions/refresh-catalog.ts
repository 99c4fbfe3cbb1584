import { app } from '@azure/functions';
import { refreshSettings, refreshStores, serviceClock, syncCatalog } from '../refresh';
import { getServices } from '../services';

/**
 * Every 6 hours: re-reads workspaces, datasets and schedules so new datasets and schedule changes
 * made outside Planboard are watched. This is the only job whose cost grows with the number of
 * datasets, which is why it runs rarely; schedule changes made through the bot apply at once.
 */
app.timer('refreshCatalog', {
  schedule: '0 0 */6 * * *',
  handler: async (_timer, context) => {
    const settings = refreshSettings();
    const now = await serviceClock(settings).now();
    const report = await syncCatalog(getServices().powerBi, refreshStores(settings.AzureWebJobsStorage), now);
    context.log(`Refresh catalog synced: ${JSON.stringify(report)}`);
  },
});
