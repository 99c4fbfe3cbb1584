import { errorEnvelopeSchema, trainingAuditSchema, type TrainingAuditEntry } from '@planboard/contracts';
import { seedSampleTenant } from '../../../server/src/sample/seed';
import { startAzurite, type RunningAzurite } from '../../../emulators/stack/src/azurite';
import { freePort } from '../../../emulators/stack/src/ports';
import { startApiHost, type ApiHost } from './api-host';
import { tokenFor } from './env';
import { upn } from './kpis';

/** Sample users of the training suites: Alex runs the programme (admin); Erik and Maja are learners. */
export const trainingPeople = ['Alex Morgan', 'Erik Hansen', 'Maja Berg'] as const;
export type TrainingPerson = (typeof trainingPeople)[number];

export const errorOf = async (response: Response) => errorEnvelopeSchema.parse(await response.json()).error;

/**
 * A training suite's own Azurite (seeded with the sample programme; it alone reads its
 * `notifications` queue) and API host; `beforeAll`/`afterAll` are registered here.
 */
export function trainingSuite() {
  const token: Partial<Record<TrainingPerson, string>> = {};
  let azurite: RunningAzurite | undefined;
  let api: ApiHost | undefined;
  beforeAll(async () => {
    azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
    await seedSampleTenant(azurite.connectionString);
    api = await startApiHost({ AzureWebJobsStorage: azurite.connectionString });
    for (const person of trainingPeople) token[person] = await tokenFor(upn(person));
  }, 90_000);
  afterAll(async () => {
    await api?.stop();
    await azurite?.stop();
  }, 30_000);
  const host = (): ApiHost => {
    if (!api) throw new Error('the API host is not running');
    return api;
  };
  const call = (who: TrainingPerson, path: string, options: { method?: string; json?: unknown; headers?: Record<string, string> } = {}) =>
    host().call(path, { token: token[who], ...options });
  return {
    storage: (): string => azurite?.connectionString ?? '',
    api: host,
    call,
    /** Alex's audit, newest first. */
    audit: async (query = ''): Promise<TrainingAuditEntry[]> =>
      trainingAuditSchema.parse(await (await call('Alex Morgan', `/training/audit${query}`)).json()).entries,
  };
}
