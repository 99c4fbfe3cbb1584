import ExcelJS from 'exceljs';

/** The day parts of the layout, in order. */
export const dayParts = ['breakfast', 'lunch', 'dinner', 'late'] as const;

/** The header row every store-sales workbook starts with. */
export const salesHeader = ['Store ID', 'Date', 'Day part', 'Net sales', 'Transactions', 'Labour hours'] as const;

/** One data row; `date` is a Date for good rows and may be anything in a bad one. */
export type SalesRow = [
  storeId: string,
  date: Date | string,
  dayPart: string,
  netSales: number | string,
  transactions: number | string,
  labourHours: number | string,
];

/** The content type of .xlsx files. */
export const xlsxMimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A small deterministic PRNG (mulberry32), so every machine seeds the same figures. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayPartBase: Record<(typeof dayParts)[number], number> = { breakfast: 820, lunch: 2150, dinner: 2600, late: 690 };

/** Seven days from `monday` (UTC dates). */
export function weekDays(monday: Date): Date[] {
  return Array.from({ length: 7 }, (_, day) => new Date(monday.getTime() + day * 86_400_000));
}

/** Plausible, reproducible rows for each store, day and day part of a week. */
export function weekRows(storeIds: readonly string[], monday: Date): SalesRow[] {
  const rows: SalesRow[] = [];
  for (const storeId of storeIds) {
    const next = random(Number(storeId) * 7919 + Math.floor(monday.getTime() / 86_400_000));
    const size = 0.7 + (Number(storeId) % 17) / 20;
    for (const [index, date] of weekDays(monday).entries()) {
      const weekend = index >= 5 ? 1.25 : 1;
      for (const part of dayParts) {
        const net = Math.round(dayPartBase[part] * size * weekend * (0.85 + next() * 0.3) * 100) / 100;
        const transactions = Math.max(1, Math.round(net / (10.5 + next() * 3)));
        const labour = Math.round((transactions / (7 + next() * 2)) * 4) / 4;
        rows.push([storeId, date, part, net, transactions, labour]);
      }
    }
  }
  return rows;
}

/**
 * The rows a bad file adds after its good ones, one per validation rule of the pipeline: unknown
 * store, bad date, negative value, non-numeric value, duplicate store/date/day part, unknown day part.
 */
export function badRows(storeIds: readonly string[], monday: Date): SalesRow[] {
  const store = storeIds[0] ?? '104233';
  return [
    ['999999', monday, 'lunch', 1500, 120, 14],
    [store, '2026-02-30', 'lunch', 1500, 120, 14],
    [store, monday, 'dinner', -250, 40, 6],
    [store, monday, 'breakfast', 640.5, 'n/a', 5.5],
    [store, monday, 'lunch', 1999.99, 150, 16],
    [store, monday, 'brunch', 900, 70, 8],
  ];
}

/** Writes rows under the header into a one-sheet workbook ("Sales"). */
export async function salesWorkbook(rows: readonly SalesRow[], created: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Planboard emulator';
  workbook.created = created;
  workbook.modified = created;
  const sheet = workbook.addWorksheet('Sales');
  sheet.addRow([...salesHeader]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
  sheet.getColumn(4).numFmt = '#,##0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads a workbook's first sheet back as rows of cell values (header included), for tests and tools. */
export async function readSalesWorkbook(content: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
