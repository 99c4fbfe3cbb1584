import JSZip from 'jszip';
import { ApiError } from '../errors';
import { exportWorkbook } from './export';
import { readSheet, type SheetLimits } from './read-sheet';

const limits: SheetLimits = { maxFileBytes: 5 * 1024 * 1024, maxUnpackedBytes: 8 * 1024 * 1024, maxRows: 1000, maxCellChars: 32_767 };
const line = (index: number) => ({
  lineId: `c${index}.r0.q1`,
  category: 'Laptops',
  region: 'Europe',
  quarter: 'Q1',
  budgetAmount: 100,
  forecastSales: 200,
  comments: '',
  rev: 0,
  changes: {},
});

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
const exported = (lines = 3) =>
  collect(
    exportWorkbook(
      Array.from({ length: lines }, (_, i) => line(i)),
      { available: true, values: {} },
    ),
  );

/** An exported workbook whose sheet XML is replaced (compressed as hard as DEFLATE can). */
async function withSheet(sheetXml: string | Buffer, extra: (zip: JSZip) => void = () => {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await exported());
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  extra(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const sheetOf = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const numberRows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `<row r="${from + i}"><c r="A${from + i}"><v>${i}</v></c></row>`).join('');

/** Rewrites every declared uncompressed size (local headers and central directory) to 1 byte: a lying zip. */
function lieAboutSizes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at < out.length - 4; at += 1) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50) out.writeUInt32LE(1, at + 22);
    else if (signature === 0x02014b50) out.writeUInt32LE(1, at + 24);
  }
  return out;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as ApiError,
  );

describe('reading an uploaded workbook within limits', () => {
  it('reads an exported workbook', async () => {
    const sheet = await readSheet(await exported(), 'xlsx', limits);
    // Three lines and the totals row (which planImport skips).
    expect(sheet.rows).toHaveLength(4);
    expect(sheet.rows[3]?.values[0]).toBe('Total');
    expect(sheet.headers[0]).toBe('Line ID');
  });

  it('refuses a zip bomb by its declared size, before inflating anything', async () => {
    // 40 MB of sheet XML (~330,000 rows) that compresses to well under 1 MB.
    const bomb = await withSheet(Buffer.alloc(40 * 1024 * 1024, ' '));
    expect(bomb.length).toBeLessThan(limits.maxFileBytes);
    const error = await failure(readSheet(bomb, 'xlsx', limits));
    expect(error).toMatchObject({ status: 413, code: 'PayloadTooLarge' });
    expect(error?.message).toMatch(/unpacks to more than 8 MB/);
  });

  it('refuses a zip bomb whose declared sizes lie, by counting bytes while inflating', async () => {
    const liar = lieAboutSizes(await withSheet(Buffer.alloc(40 * 1024 * 1024, ' ')));
    const error = await failure(readSheet(liar, 'xlsx', limits));
    expect(error).toMatchObject({ status: 413, code: 'PayloadTooLarge' });
  });

  it('refuses one huge string (100 MB in a 100 KB file)', async () => {
    const huge = await withSheet(sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), (zip) =>
      zip.file(
        'xl/sharedStrings.xml',
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'x'.repeat(100 * 1024 * 1024)}</t></si></sst>`,
      ),
    );
    expect(huge.length).toBeLessThan(200 * 1024);
    expect(await failure(readSheet(huge, 'xlsx', limits))).toMatchObject({ status: 413 });
  });

  it('refuses a cell longer than the cell limit, naming the row and the limit', async () => {
    const long = await withSheet(sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'y'.repeat(40_000)}</t></is></c></row>`));
    const error = await failure(readSheet(long, 'xlsx', limits));
    expect(error).toMatchObject({ status: 400 });
    expect(error?.message).toMatch(/Row 1 has a cell of 40,000 characters; a cell may hold at most 32,767/);
  });

  it('stops at the row limit and says what the limit is', async () => {
    const many = await withSheet(sheetOf(numberRows(1, 5000)));
    const error = await failure(readSheet(many, 'xlsx', limits));
    expect(error).toMatchObject({ status: 400, code: 'BadRequest' });
    expect(error?.message).toMatch(/more than 1,000 rows; at most 1,000 can be imported/);
    const csv = Buffer.from(['a,b', ...Array.from({ length: 1001 }, (_, i) => `${i},x`)].join('\n'));
    expect((await failure(readSheet(csv, 'csv', limits)))?.message).toMatch(/more than 1,000 rows/);
    const justRight = Buffer.from(['a,b', ...Array.from({ length: 1000 }, (_, i) => `${i},x`)].join('\n'));
    expect((await readSheet(justRight, 'csv', limits)).rows).toHaveLength(1000);
  });

  it('says "not an Excel workbook" for a zip that is not one, and for bytes that are no zip', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    zip.file('Budget Amount.csv', 'Line ID,Budget Amount');
    const other = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    for (const bytes of [other, Buffer.from('not a zip at all')]) {
      const error = await failure(readSheet(bytes, 'xlsx', limits));
      expect(error).toMatchObject({ status: 400 });
      expect(error?.message).toMatch(/not an Excel workbook/);
    }
  });

  it('refuses a file over the upload size and an empty one', async () => {
    expect(await failure(readSheet(Buffer.alloc(100), 'csv', { ...limits, maxFileBytes: 50 }))).toMatchObject({ status: 413 });
    expect(await failure(readSheet(Buffer.alloc(0), 'csv', limits))).toMatchObject({ status: 400 });
  });
});
