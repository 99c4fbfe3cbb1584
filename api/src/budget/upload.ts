import type { HttpRequest } from '@azure/functions';
import { config } from '../config';
import { ApiError } from '../errors';
import { readSheet, type Sheet, type SheetKind } from './read-sheet';
import { sizeInWords } from './workbook-zip';

/**
 * An uploaded .xlsx/.csv read within the configured limits. A declared Content-Length over the
 * limit is refused before the body is read at all.
 */
export async function readUploadedSheet(request: HttpRequest, kind: SheetKind, maxRows: number): Promise<Sheet> {
  const settings = config();
  const maxFileBytes = settings.IMPORT_MAX_FILE_BYTES;
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxFileBytes)
    throw new ApiError(
      413,
      'PayloadTooLarge',
      `The file is ${sizeInWords(declared)}; at most ${sizeInWords(maxFileBytes)} can be uploaded.`,
    );
  const bytes = Buffer.from(await request.arrayBuffer());
  return readSheet(bytes, kind, {
    maxFileBytes,
    maxUnpackedBytes: settings.IMPORT_MAX_UNPACKED_BYTES,
    maxRows,
    maxCellChars: settings.IMPORT_MAX_CELL_CHARS,
  });
}
