import type { TableClient } from '@azure/data-tables';
import type { StoreRun, StoreRunFile, StoreRunMessage, StoreRunRefresh } from '@planboard/contracts';
import { graphErrorText, type DriveFile, type GraphDriveSource } from '../sources/graph';
import type { DataverseStoreSource } from '../sources/dataverse';
import { checkFile } from './check-file';
import { replaceSourceRows } from './load';
import { knownStores, syncStoreMaster } from './master';
import { fileKindOf } from './read-rows';
import type { RunStore } from './run-store';
import type { PipelineState } from './state';
import type { UploadStore } from './uploads';

export interface PipelineDeps {
  runs: RunStore;
  state: PipelineState;
  uploads: UploadStore;
  sales: TableClient;
  master: TableClient;
  /** Unset when the app settings name no drive / environment: the run reports the source as not configured. */
  graph?: GraphDriveSource;
  dataverse?: DataverseStoreSource;
  refresh: () => Promise<StoreRunRefresh>;
  limits: { maxRows: number; maxFileBytes: number; maxUnpackedBytes: number };
  now: () => Date;
  /** Tells subscribed admins about a failed run or one with rejected rows. */
  notify: (run: StoreRun) => Promise<void>;
}

const messageOf = (error: unknown) => graphErrorText(error);

function addFile(run: StoreRun, file: StoreRunFile): void {
  run.files.push(file);
  run.totals.files += 1;
  run.totals.rowsRead += file.rowsRead;
  run.totals.rowsLoaded += file.rowsLoaded;
  run.totals.rowsUnchanged += file.rowsUnchanged;
  run.totals.rowsRejected += file.rowsRejected;
  run.totals.rowsRemoved += file.rowsRemoved;
}

const emptyFile = (name: string, action: StoreRunFile['action'], error?: string): StoreRunFile => ({
  name,
  action,
  rowsRead: 0,
  rowsLoaded: 0,
  rowsUnchanged: 0,
  rowsRejected: 0,
  rowsRemoved: 0,
  ...(error ? { error } : {}),
});

/** Validates and loads one file's bytes as `source`; rejected rows go to the run's report. */
async function loadBytes(deps: PipelineDeps, run: StoreRun, name: string, source: string, bytes: Buffer, known: ReadonlySet<string>) {
  const kind = fileKindOf(name);
  if (!kind) throw new Error(`${name} is neither .xlsx nor .csv`);
  const checked = await checkFile(bytes, kind, name, known, deps.limits);
  const counts = await replaceSourceRows(deps.sales, source, checked.rows, { runId: run.runId, loadedAt: deps.now().toISOString() });
  run.totals.storageRequests += counts.roundTrips;
  await deps.runs.addRejected(run.runId, run.totals.rowsRejected, checked.rejected);
  return { checked, counts };
}

async function syncMaster(deps: PipelineDeps, run: StoreRun): Promise<void> {
  if (!deps.dataverse) return;
  try {
    const { stores } = await deps.dataverse.activeStores();
    run.storesSynced = await syncStoreMaster(deps.master, stores, deps.now());
    await deps.state.recordSource({
      kind: 'dataverse',
      name: deps.dataverse.description,
      lastReadAt: deps.now().toISOString(),
      items: stores.length,
      lastError: '',
    });
  } catch (error) {
    // The master table keeps the last good copy: rows are checked against it.
    await deps.state.recordSource({
      kind: 'dataverse',
      name: deps.dataverse.description,
      lastReadAt: deps.now().toISOString(),
      items: 0,
      lastError: messageOf(error),
    });
    throw new Error(`The store master could not be read from Dataverse: ${messageOf(error)}`);
  }
}

async function loadDriveFile(deps: PipelineDeps, run: StoreRun, graph: GraphDriveSource, file: DriveFile, known: ReadonlySet<string>) {
  if (!(await deps.state.claim(file.id, file.cTag, run.runId, deps.now().getTime()))) return emptyFile(file.name, 'claimedElsewhere');
  try {
    const before = await deps.state.loadedFile(file.id);
    const bytes = await graph.download(file, deps.limits.maxFileBytes);
    const { checked, counts } = await loadBytes(deps, run, file.name, file.name, bytes, known);
    // A renamed file: its rows under the old name go (they are in the new one).
    const renamed =
      before && before.name !== file.name
        ? await replaceSourceRows(deps.sales, before.name, [], { runId: run.runId, loadedAt: '' })
        : undefined;
    await deps.state.recordFile({
      itemId: file.id,
      name: file.name,
      cTag: file.cTag,
      rows: checked.rows.length,
      runId: run.runId,
      loadedAt: deps.now().toISOString(),
    });
    await deps.state.finishClaim(file.id, file.cTag);
    return {
      name: file.name,
      action: before ? 'replaced' : 'loaded',
      rowsRead: checked.rowsRead,
      rowsLoaded: counts.rowsLoaded,
      rowsUnchanged: counts.rowsUnchanged,
      rowsRejected: checked.rejectedCount,
      rowsRemoved: counts.rowsRemoved + (renamed?.rowsRemoved ?? 0),
    } satisfies StoreRunFile;
  } catch (error) {
    await deps.state.dropClaim(file.id, file.cTag);
    return emptyFile(file.name, 'failed', messageOf(error));
  }
}

async function removeDriveFile(deps: PipelineDeps, run: StoreRun, itemId: string): Promise<StoreRunFile | undefined> {
  const before = await deps.state.loadedFile(itemId);
  if (!before) return undefined;
  if (!(await deps.state.claim(itemId, 'deleted', run.runId, deps.now().getTime()))) return emptyFile(before.name, 'claimedElsewhere');
  const counts = await replaceSourceRows(deps.sales, before.name, [], { runId: run.runId, loadedAt: '' });
  run.totals.storageRequests += counts.roundTrips;
  await deps.state.forgetFile(itemId);
  // A file restored later gets a new id or version; this tombstone's claim can go.
  await deps.state.dropClaim(itemId, 'deleted');
  return { ...emptyFile(before.name, 'removed'), rowsRemoved: counts.rowsRemoved };
}

async function runDrive(deps: PipelineDeps, run: StoreRun, known: ReadonlySet<string>): Promise<boolean> {
  const graph = deps.graph;
  if (!graph) throw new Error('The OneDrive source is not configured (STORE_SALES_DRIVE_ID).');
  let round;
  try {
    round = await graph.delta(await deps.state.deltaLink());
  } catch (error) {
    await deps.state.recordSource({
      kind: 'onedrive',
      name: graph.description,
      lastReadAt: deps.now().toISOString(),
      items: 0,
      lastError: messageOf(error),
    });
    throw new Error(`The OneDrive folder could not be read: ${messageOf(error)}`);
  }
  // Versions already loaded (a resync lists every file again) are not read again.
  const changed: DriveFile[] = [];
  for (const file of round.changed) if ((await deps.state.loadedFile(file.id))?.cTag !== file.cTag) changed.push(file);
  run.progress = { done: 0, total: changed.length + round.deleted.length };
  await deps.runs.save(run);
  let allDone = true;
  for (const file of changed) {
    const outcome = await loadDriveFile(deps, run, graph, file, known);
    if (outcome.action === 'failed') allDone = false;
    addFile(run, outcome);
    run.progress.done += 1;
    await deps.runs.save(run);
  }
  for (const item of round.deleted) {
    const outcome = await removeDriveFile(deps, run, item.id);
    if (outcome) addFile(run, outcome);
    run.progress.done += 1;
  }
  // The cursor moves only when every change was taken in: a failed file is offered again next run.
  if (allDone) await deps.state.saveDeltaLink(round.deltaLink);
  const files = await deps.state.loadedFiles();
  await deps.state.recordSource({
    kind: 'onedrive',
    name: graph.description,
    lastReadAt: deps.now().toISOString(),
    items: files.length,
    lastError: allDone ? '' : 'Some files could not be loaded; see the run.',
  });
  return allDone;
}

async function runUpload(deps: PipelineDeps, run: StoreRun, uploadId: string): Promise<boolean> {
  const upload = await deps.uploads.get(uploadId, deps.now());
  if (!upload) throw new Error('The upload expired before it was loaded; upload the file again.');
  const counts = await replaceSourceRows(deps.sales, `upload:${upload.fileName}`, upload.rows, {
    runId: run.runId,
    loadedAt: deps.now().toISOString(),
  });
  run.progress = { done: 1, total: 1 };
  addFile(run, {
    name: upload.fileName,
    action: 'loaded',
    rowsRead: upload.rows.length,
    rowsLoaded: counts.rowsLoaded,
    rowsUnchanged: counts.rowsUnchanged,
    rowsRejected: 0,
    rowsRemoved: counts.rowsRemoved,
  });
  run.totals.storageRequests += counts.roundTrips;
  return true;
}

/**
 * Executes a queued run on whichever host took the message: takes the pipeline's lease (another
 * run holding it makes this one `skipped`), syncs the store master from Dataverse, loads the
 * OneDrive changes since the last delta (or an upload's rows), refreshes the store model when
 * rows changed, and records everything in the run. A redelivered message of a finished run is a no-op.
 */
export async function executeRun(deps: PipelineDeps, message: StoreRunMessage): Promise<StoreRun | undefined> {
  const run = await deps.runs.get(message.runId);
  if (!run || !['queued', 'running'].includes(run.state)) return run;
  const started = deps.now();
  // Uploads write their own source only: they need not wait for the drive's lease.
  const lease = message.uploadId ? { won: true as const } : await deps.state.acquireLease(run.runId, started.getTime());
  if (!lease.won) {
    const holder = await deps.runs.get(lease.holder);
    Object.assign(run, {
      state: 'skipped',
      finishedAt: started.toISOString(),
      durationMs: 0,
      error: `Another run${holder ? ` (started ${holder.startedAt ?? holder.queuedAt} by ${holder.requestedBy})` : ''} was loading; this one did nothing.`,
    } satisfies Partial<StoreRun>);
    await deps.runs.save(run);
    return run;
  }
  Object.assign(run, { state: 'running', startedAt: started.toISOString() } satisfies Partial<StoreRun>);
  await deps.runs.save(run);
  let ok = false;
  try {
    if (message.uploadId) ok = await runUpload(deps, run, message.uploadId);
    else {
      await syncMaster(deps, run);
      ok = await runDrive(deps, run, await knownStores(deps.master));
    }
    if (!ok) run.error = 'Some files could not be loaded; they are tried again in the next run.';
  } catch (error) {
    run.error = messageOf(error);
  } finally {
    if (!message.uploadId) await deps.state.releaseLease(run.runId);
  }
  const finished = deps.now();
  const changed = run.totals.rowsLoaded + run.totals.rowsRemoved > 0;
  Object.assign(run, {
    state: ok ? 'succeeded' : 'failed',
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    refresh: { state: changed ? 'running' : 'notNeeded' },
  } satisfies Partial<StoreRun>);
  // The rows are in: the report says so while the store model refreshes (a minute or so), then the refresh's outcome.
  await deps.runs.save(run);
  if (changed) {
    run.refresh = await deps.refresh();
    await deps.runs.save(run);
  }
  if (run.state === 'failed' || run.totals.rowsRejected > 0) await deps.notify(run).catch(() => undefined);
  return run;
}
