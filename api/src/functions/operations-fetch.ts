import { app } from '@azure/functions';
import { fetchJobMessageSchema, type FetchJobCurrent } from '@planboard/contracts';
import { config } from '../config';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { queueClient } from '@planboard/server';
import { getServices, opsStores } from '../operations/context';
import { startFetchJob, runFetchMessage, type FetchJobDeps } from '../operations/fetch-job';
import { FetchJobStore } from '../operations/fetch-job-store';
import { powerBiRefusal } from '../operations/powerbi-refusal';
import { fetchQueueName } from '../operations/tables';

let jobs: FetchJobStore | undefined;

function fetchDeps(): FetchJobDeps {
  const setting = config().AzureWebJobsStorage;
  jobs ??= new FetchJobStore(setting);
  return { ...opsStores(), powerBi: getServices().powerBi, jobs, queue: queueClient(setting, fetchQueueName) };
}

/** "Fetch everything now": starts the bulk job (202), or answers the one already running (200). */
app.http('operationsFetchAllStart', {
  route: 'operations/fetch-all',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    access.requireAdmin();
    try {
      const started = await startFetchJob(fetchDeps(), access.caller.upn, Date.now());
      return json(started, started.alreadyRunning ? 200 : 202);
    } catch (error) {
      return powerBiRefusal(error, 'the bulk fetch');
    }
  }),
});

/** The newest bulk job with its progress (done / total, failures with their reasons); polled by the page. */
app.http('operationsFetchAllCurrent', {
  route: 'operations/fetch-all',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    access.requireAdmin();
    const { job } = await fetchDeps().jobs.current();
    const body: FetchJobCurrent = { job: job ?? null };
    return json(body);
  }),
});

/**
 * One workspace of a bulk job, on whichever host takes the message. A message that does not match
 * the contract can never succeed and is dropped with an error in the log; a workspace's failure is
 * recorded in the job (with its reason), not thrown.
 */
app.storageQueue('operationsFetchWorkspace', {
  queueName: fetchQueueName,
  connection: 'AzureWebJobsStorage',
  handler: async (message, context) => {
    const parsed = fetchJobMessageSchema.safeParse(typeof message === 'string' ? JSON.parse(message) : message);
    if (!parsed.success) {
      context.error(`Fetch message ${context.triggerMetadata?.id} does not match the contract: ${parsed.error.message}`);
      return;
    }
    const job = await runFetchMessage(fetchDeps(), parsed.data, Date.now());
    context.log(`Fetch job ${parsed.data.jobId}: ${parsed.data.workspaceName} done (${job?.done ?? '?'} of ${job?.total ?? '?'})`);
  },
});
