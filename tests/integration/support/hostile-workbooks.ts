import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** Hostile uploads: workbooks that unpack to far more than they weigh, or hold more than a plan can. */
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

async function workbookWith(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Sheet1').addRow(['Line ID', 'Budget Amount', 'Forecast Sales', 'Comments']);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  for (const [path, content] of Object.entries(parts)) zip.file(path, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** ~100 KB that unpacks to `megabytes` MB of sheet XML. */
export const zipBomb = (megabytes = 100) => workbookWith({ 'xl/worksheets/sheet1.xml': Buffer.alloc(megabytes * 1024 * 1024, ' ') });

/** The same bomb with every declared uncompressed size rewritten to 1 byte (local headers and central directory). */
export async function lyingZipBomb(megabytes = 100): Promise<Buffer> {
  const out = Buffer.from(await zipBomb(megabytes));
  for (let at = 0; at < out.length - 4; at += 1) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50) out.writeUInt32LE(1, at + 22);
    else if (signature === 0x02014b50) out.writeUInt32LE(1, at + 24);
  }
  return out;
}

/** A sheet of `rows` small rows (a header, then numbers): a few hundred KB compressed. */
export const manyRows = (rows: number) =>
  workbookWith({
    'xl/worksheets/sheet1.xml': sheetXml(
      Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(''),
    ),
  });

/** One shared string of `megabytes` MB. */
export const hugeString = (megabytes = 100) =>
  workbookWith({
    'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
    'xl/sharedStrings.xml': `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'x'.repeat(megabytes * 1024 * 1024)}</t></si></sst>`,
  });

/** A zip holding a .csv and a text file: not a workbook. */
export async function notAWorkbookZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('budget.csv', 'Line ID,Budget Amount\n');
  zip.file('readme.txt', 'hello');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
