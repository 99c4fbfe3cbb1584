import { app } from '@azure/functions';
import { deleteExpiredPreviews } from '../budget/previews';
import { getServices } from '../services';

/**
 * Every 15 minutes: deletes budget import previews past their expiry (their id then answers 410).
 * A run deletes at most a batch; a backlog is worked off over the following runs.
 */
app.timer('importPreviewsExpiry', {
  schedule: '0 */15 * * * *',
  handler: async (_timer, context) => {
    const deleted = await deleteExpiredPreviews(getServices().budget);
    if (deleted) context.log(`Deleted ${deleted} expired import preview(s).`);
  },
});
