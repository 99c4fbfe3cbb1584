import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import unzipper from 'unzipper';
import { ApiError, badRequest } from '../errors';

export const notAWorkbook = 'This file is not an Excel workbook (.xlsx). Save it from Excel as "Excel Workbook", or upload a .csv.';

/** Sizes in words for messages ("64 MB", "512 KB"). */
export function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const tooLarge = (limit: number): ApiError =>
  new ApiError(
    413,
    'PayloadTooLarge',
    `This workbook unpacks to more than ${sizeInWords(limit)}; at most ${sizeInWords(limit)} can be imported. Remove unused sheets, images or formatting, or split the file.`,
  );

/** Counts inflated bytes and fails the pipeline at the limit, so nothing beyond it is ever inflated. */
function byteCounter(budget: { left: number }, limit: number): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      budget.left -= chunk.length;
      done(budget.left < 0 ? tooLarge(limit) : undefined);
    },
  });
}

/**
 * Checks an .xlsx before it is parsed: it is a zip (read from its central directory, not by
 * unpacking), it holds the parts every workbook has, its parts declare at most `maxUnpackedBytes`
 * together, and - since declared sizes can lie - inflating them really yields no more than that
 * (bytes are counted and discarded as they are inflated, stopping at the limit).
 */
export async function checkWorkbookZip(bytes: Buffer, maxUnpackedBytes: number): Promise<void> {
  let directory: unzipper.CentralDirectory;
  try {
    directory = await unzipper.Open.buffer(bytes);
  } catch {
    throw badRequest(notAWorkbook);
  }
  const paths = new Set(directory.files.map((file) => file.path.replace(/^\//, '')));
  if (!paths.has('[Content_Types].xml') || !paths.has('xl/workbook.xml')) throw badRequest(notAWorkbook);
  const declared = directory.files.reduce((sum, file) => sum + file.uncompressedSize, 0);
  if (declared > maxUnpackedBytes) throw tooLarge(maxUnpackedBytes);
  const budget = { left: maxUnpackedBytes };
  for (const file of directory.files) {
    if (file.type !== 'File') continue;
    try {
      await pipeline(file.stream(), byteCounter(budget, maxUnpackedBytes));
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw badRequest(notAWorkbook);
    }
  }
}
