import type { StoreUploadPreview } from '@planboard/contracts';
import { badRequest } from '../../errors';
import { checkFile, TooManyRowsError } from './check-file';
import { knownStores } from './master';
import type { FileKind } from './read-rows';
import { UnreadableFileError } from './read-rows';
import type { PipelineDeps } from './run';
import { UploadStore } from './uploads';
import { LayoutError } from './validate';

/** Rows shown in a preview (the rest are counted; the report of the run lists every rejection). */
const previewRows = 50;
const previewLifetimeMs = 24 * 60 * 60_000;

/**
 * Validates an uploaded file against the store master exactly as a pipeline run would and keeps
 * its good rows for "Load"; nothing is written to `storesales`. An unreadable file or a wrong
 * layout is a 400 naming the problem.
 */
export async function previewUpload(
  deps: PipelineDeps,
  bytes: Buffer,
  kind: FileKind,
  fileName: string,
  uploadedBy: string,
): Promise<StoreUploadPreview> {
  let checked;
  try {
    checked = await checkFile(bytes, kind, fileName, await knownStores(deps.master), deps.limits);
  } catch (error) {
    if (error instanceof LayoutError || error instanceof UnreadableFileError || error instanceof TooManyRowsError)
      throw badRequest(error.message);
    throw error;
  }
  const uploadId = UploadStore.newId();
  const expiresAt = new Date(deps.now().getTime() + previewLifetimeMs).toISOString();
  await deps.uploads.save({ uploadId, fileName, uploadedBy, expiresAt, rows: checked.rows });
  return {
    uploadId,
    fileName,
    rowsRead: checked.rowsRead,
    rowsValid: checked.rows.length,
    rowsRejected: checked.rejectedCount,
    sample: checked.rows.slice(0, previewRows),
    rejected: checked.rejected.slice(0, previewRows),
    expiresAt,
  };
}
