import { app } from '@azure/functions';
import { botServices, logSink } from '../services';

/**
 * The bot's messaging endpoint (`POST /api/messages`). The adapter authenticates the channel's
 * token (anonymous only when no app id is configured, i.e. locally) and answers invokes inline.
 */
app.http('messages', {
  route: 'messages',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: async (request, context) => {
    logSink.log = (message, error) => context.warn(message, error instanceof Error ? error.stack : (error ?? ''));
    return botServices().platform.handle(request);
  },
});
