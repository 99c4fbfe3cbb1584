import { app } from '@azure/functions';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { config } from '../config';
import { poisonReport } from '@planboard/server';

/**
 * Alerts the bot could not deliver after five tries (admins only). The bot's `status` command
 * shows the same count, so a stuck alert is visible in chat and in the tab.
 */
app.http('notificationsPoison', {
  route: 'notifications/poison',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    access.requireAdmin();
    return json(await poisonReport(config().AzureWebJobsStorage));
  }),
});
