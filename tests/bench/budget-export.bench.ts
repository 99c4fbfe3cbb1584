/**
 * 20 concurrent .xlsx exports of a 50,000-line plan, in this process:
 * - the streaming writer we ship (`exportWorkbook`), the bytes consumed as a response would;
 * - the baseline: the same workbook built in memory (`new ExcelJS.Workbook()` + `writeBuffer`), as
 *   the export did before.
 * Prints peak heap and RSS above the starting point for each (target: streaming peak heap ≤ ¼ of
 * the in-memory one). Streaming runs first, so the baseline's garbage cannot inflate it.
 */
import ExcelJS from 'exceljs';
import { budgetSheetColumns, type Actuals, type BudgetLine } from '@planboard/contracts';
import { exportWorkbook } from '../../api/src/budget/export';

const lineCount = 50_000;
const concurrent = 20;

const lines: BudgetLine[] = Array.from({ length: lineCount }, (_, index) => ({
  lineId: `c${Math.floor(index / 20)}.r${index % 20}.q${(index % 4) + 1}`,
  category: `Category ${Math.floor(index / 20)}`,
  region: `Region ${index % 20}`,
  quarter: `Q${(index % 4) + 1}`,
  budgetAmount: 1000 + index,
  forecastSales: 2000 + index,
  comments: index % 5 ? '' : `Comment on line ${index}`,
  rev: 0,
  changes: {},
}));
const actuals: Actuals = { available: true, values: Object.fromEntries(lines.map((line, index) => [line.lineId, index * 1.5])) };

/** The export as it was: the whole workbook model in memory, then one buffer. */
async function inMemoryWorkbook(): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Budget');
  sheet.columns = budgetSheetColumns.map((column) => ({ header: column.header, key: column.key, width: 20 }));
  for (const line of lines) {
    const row = sheet.addRow({ ...line, actualSales: actuals.values[line.lineId] ?? null });
    row.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
      cell.protection = { locked: true };
    });
  }
  return (await workbook.xlsx.writeBuffer()).byteLength;
}

async function streamed(): Promise<number> {
  let bytes = 0;
  for await (const chunk of exportWorkbook(lines, actuals)) bytes += (chunk as Buffer).length;
  return bytes;
}

async function peakOf(work: () => Promise<number>): Promise<{ heapMb: number; rssMb: number; ms: number; bytes: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage();
  let heap = start.heapUsed;
  let rss = start.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed);
    rss = Math.max(rss, now.rss);
  }, 20);
  const began = performance.now();
  const sizes = await Promise.all(Array.from({ length: concurrent }, work));
  const ms = performance.now() - began;
  clearInterval(sampler);
  const mb = (value: number) => Math.round(value / 1024 / 1024);
  return { heapMb: mb(heap - start.heapUsed), rssMb: mb(rss - start.rss), ms: Math.round(ms), bytes: sizes[0] ?? 0 };
}

export async function run(): Promise<boolean> {
  const stream = await peakOf(streamed);
  const memory = await peakOf(inMemoryWorkbook);
  const row = (name: string, r: typeof stream) =>
    `${name.padEnd(22)} peak heap +${r.heapMb} MB, peak RSS +${r.rssMb} MB, ${r.ms} ms, ${(r.bytes / 1024 / 1024).toFixed(1)} MB each`;
  console.log(`${concurrent} concurrent exports of ${lineCount.toLocaleString('en-US')} lines`);
  console.log(row('streaming writer', stream));
  console.log(row('in-memory (before)', memory));
  const ratio = memory.heapMb / Math.max(1, stream.heapMb);
  console.log(`peak heap ratio in-memory / streaming: ${ratio.toFixed(1)}× (target ≥ 4×)`);
  return ratio >= 4;
}
