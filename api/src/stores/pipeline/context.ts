import type { QueueClient } from '@azure/storage-queue';
import type { StoreRunTrigger } from '@planboard/contracts';
import { encodeMessage, ensureQueue, queueClient, storeTable, storeTableNames } from '@planboard/server';
import { config } from '../../config';
import { getServices } from '../../services';
import { DataverseStoreSource } from '../sources/dataverse';
import { appTokenSource } from '../sources/app-token';
import { GraphDriveSource } from '../sources/graph';
import { notifyRun } from './notify';
import { refreshStoreModel } from './refresh';
import type { PipelineDeps } from './run';
import { emptyRun, newRunId, RunStore, storeRunQueueName } from './run-store';
import { PipelineState } from './state';
import { UploadStore } from './uploads';

let deps: PipelineDeps | undefined;
let queue: QueueClient | undefined;

/** The pipeline's clients, built once per process from the configuration (they hold connections, no state). */
export function pipelineDeps(): PipelineDeps {
  if (deps) return deps;
  const settings = config();
  const storage = settings.AzureWebJobsStorage;
  const state = new PipelineState(storage);
  deps = {
    runs: new RunStore(storage),
    state,
    uploads: new UploadStore(state),
    sales: storeTable(storage, storeTableNames.sales),
    master: storeTable(storage, storeTableNames.master),
    graph: settings.STORE_SALES_DRIVE_ID
      ? new GraphDriveSource({
          apiUrl: settings.GRAPH_API_URL,
          driveId: settings.STORE_SALES_DRIVE_ID,
          folder: settings.STORE_SALES_FOLDER,
          tokens: appTokenSource(settings, 'https://graph.microsoft.com'),
        })
      : undefined,
    dataverse:
      settings.DATAVERSE_API_URL && settings.DATAVERSE_RESOURCE
        ? new DataverseStoreSource({ apiUrl: settings.DATAVERSE_API_URL, tokens: appTokenSource(settings, settings.DATAVERSE_RESOURCE) })
        : undefined,
    refresh: () => refreshStoreModel(getServices().powerBi),
    limits: {
      maxRows: settings.STORE_FILE_MAX_ROWS,
      maxFileBytes: settings.STORE_FILE_MAX_BYTES,
      maxUnpackedBytes: settings.IMPORT_MAX_UNPACKED_BYTES,
    },
    now: () => new Date(),
    notify: (run) => notifyRun(storage, run),
  };
  return deps;
}

/** The sources a run reads, in words. */
export function runSources(d: PipelineDeps, uploadName?: string): string[] {
  if (uploadName) return [`Upload: ${uploadName}`];
  return [d.dataverse?.description ?? 'Dataverse: not configured', d.graph?.description ?? 'OneDrive: not configured'];
}

/** Records a queued run and sends its message; any host's queue trigger executes it. */
export async function enqueueRun(
  trigger: StoreRunTrigger,
  requestedBy: string,
  upload?: { uploadId: string; fileName: string },
): Promise<string> {
  const d = pipelineDeps();
  const now = d.now();
  const runId = newRunId(now.getTime());
  await d.runs.save(emptyRun(runId, trigger, requestedBy, now, runSources(d, upload?.fileName)));
  queue ??= queueClient(config().AzureWebJobsStorage, storeRunQueueName);
  await ensureQueue(queue);
  await queue.sendMessage(encodeMessage({ runId, ...(upload ? { uploadId: upload.uploadId } : {}) }));
  return runId;
}
