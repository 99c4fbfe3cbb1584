import { app } from '@azure/functions';
import { syncOperationsCatalog } from '../operations/catalog';
import { operationsStores } from '../operations/stores';
import { refreshSettings, serviceClock } from '@planboard/server';
import { getServices } from '../services';

/**
 * Every 6 hours: re-reads workspaces, datasets, schedules and reports so new datasets and schedule
 * changes made outside Planboard are watched and the Operations page is current. This is the only
 * job whose cost grows with the number of datasets, which is why it runs rarely; schedule changes
 * made through the bot or the Operations page apply at once.
 */
app.timer('refreshCatalog', {
  schedule: '0 0 */6 * * *',
  handler: async (_timer, context) => {
    const settings = refreshSettings();
    const now = await serviceClock(settings).now();
    const report = await syncOperationsCatalog({ powerBi: getServices().powerBi, ...operationsStores(settings.AzureWebJobsStorage) }, now);
    context.log(`Refresh catalog synced: ${JSON.stringify(report)}`);
  },
});
