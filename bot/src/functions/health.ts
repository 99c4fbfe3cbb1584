import { randomUUID } from 'node:crypto';
import { app } from '@azure/functions';
import type { Health } from '@planboard/contracts';
import { config } from '../config';

const settings = config();
const startedAt = Date.now();
const instanceId = randomUUID();

/** Liveness of the bot's Function App (anonymous, for probes and `npm start`). */
app.http('health', {
  route: 'health',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async () => {
    const body: Health = {
      status: 'ok',
      service: 'planboard-bot',
      version: settings.PLANBOARD_VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      instanceId,
    };
    return { status: 200, jsonBody: body, headers: { 'Cache-Control': 'no-store' } };
  },
});
