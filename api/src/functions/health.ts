import { randomUUID } from 'node:crypto';
import { app } from '@azure/functions';
import type { ApiHealth } from '@planboard/contracts';
import { config } from '../config';
import { probePowerBi, probeStorage } from '../health/probes';
import { admissionFor, limitedWork } from '../http/limits';
import { json } from '../http/respond';
import { route } from '../http/route';
import { getServices } from '../services';

const settings = config();
const startedAt = Date.now();
const instanceId = randomUUID();

/** Liveness and dependency checks are anonymous by design: load balancers and `npm start` call them. */
app.http('health', {
  route: 'health',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: route(async () => {
    const body: ApiHealth = {
      status: 'ok',
      service: 'planboard-api',
      version: settings.PLANBOARD_VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      instanceId,
      load: Object.fromEntries(
        limitedWork.map((kind) => {
          const admission = admissionFor(kind);
          return [kind, { ...admission.usage, limit: admission.limits.running }];
        }),
      ) as ApiHealth['load'],
    };
    return json(body);
  }),
});

app.http('healthStorage', {
  route: 'health/storage',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: route(async () => {
    const result = await probeStorage(settings.AzureWebJobsStorage, settings.HEALTH_TIMEOUT_MS, instanceId);
    return json(result, result.status === 'ok' ? 200 : 503);
  }),
});

app.http('healthPowerBi', {
  route: 'health/powerbi',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: route(async () => {
    const result = await probePowerBi(getServices().powerBi, settings.HEALTH_TIMEOUT_MS);
    return json(result, result.status === 'ok' ? 200 : 503);
  }),
});
