import fc from 'fast-check';
import JSZip from 'jszip';
import { amountBounds, maxCommentLength, type BudgetLine } from '@planboard/contracts';
import { exportCsv, exportWorkbook } from './export';
import { planImport } from './import';
import type { StoredLine } from '@planboard/server';
import { readSheet, type SheetKind } from './read-sheet';
import { fromCsvText, fromXlsxText, toCsvText, toXlsxText } from './sheet';

const limits = { maxFileBytes: 5 * 1024 * 1024, maxUnpackedBytes: 64 * 1024 * 1024, maxRows: 60_000, maxCellChars: 32_767 };

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const stored = (lines: BudgetLine[]): Map<string, StoredLine> =>
  new Map(lines.map((line) => [line.lineId, { ...line, block: 'blk|000000' } as StoredLine]));

async function roundTrip(lines: BudgetLine[], kind: SheetKind) {
  const actuals = { available: true, values: Object.fromEntries(lines.map((line, i) => [line.lineId, i * 1.5])) };
  const bytes = await collect(kind === 'xlsx' ? exportWorkbook(lines, actuals) : exportCsv(lines, actuals));
  const sheet = await readSheet(bytes, kind, limits);
  return { sheet, plan: planImport(sheet.headers, sheet.rows, stored(lines), actuals.values) };
}

const hostile = ['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd', "'=quoted", "''+x", "'plain", '_x0041_', 'a\r\nb\u0001\u007f\uffff'];

const lineArb = (index: number) =>
  fc.record({
    lineId: fc.constant(`c${index}.r0.q1`),
    category: fc.string({ unit: 'binary', maxLength: 40 }),
    region: fc.string({ maxLength: 20 }),
    quarter: fc.constant('Q1'),
    // Blank (null) cells too: they must come back blank, never 0.
    budgetAmount: fc.option(
      fc.double({ min: amountBounds.min, max: amountBounds.max, noNaN: true }).map((value) => (Object.is(value, -0) ? 0 : value)),
      { nil: null },
    ),
    forecastSales: fc.option(fc.integer({ min: 0, max: amountBounds.max }), { nil: null }),
    comments: fc.oneof(
      fc.string({ unit: 'binary', maxLength: maxCommentLength }),
      fc.constantFrom(...hostile),
      fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '_', 'x', '0', 'A', '\n', '"', ','), maxLength: 12 }),
    ),
    rev: fc.nat(50),
    changes: fc.constant({}),
  });
const linesArb = fc.integer({ min: 1, max: 5 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => lineArb(i))));

describe('text codecs', () => {
  it('xlsx: writes text unchanged but for what XML cannot hold, and decodes it exactly', () => {
    expect(toXlsxText('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(toXlsxText('a\u0001b\rc')).toBe('a_x0001_b_x000D_c');
    expect(toXlsxText('_x0041_')).toBe('_x005F_x0041_');
    expect(toXlsxText('a\uD800b\u{1F600}')).toBe('a_xD800_b\u{1F600}');
    expect(fromXlsxText('a_xD800_b')).toBe('a\uD800b');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => fromXlsxText(toXlsxText(text)) === text));
  });
  it('csv: guards only what a spreadsheet would evaluate, and removes exactly that guard', () => {
    expect(toCsvText('=1+1')).toBe("'=1+1");
    expect(toCsvText("'=1")).toBe("''=1");
    expect(toCsvText("'quoted")).toBe("'quoted");
    expect(fromCsvText("'quoted")).toBe("'quoted");
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => fromCsvText(toCsvText(text)) === text));
  });
});

// A property test of 100 workbooks: minutes on a busy 2-core machine are not a failure.
jest.setTimeout(120_000);

describe.each<SheetKind>(['xlsx', 'csv'])('export → import of an untouched %s', (kind) => {
  it('proposes no change, for any text and amounts', async () => {
    await fc.assert(
      fc.asyncProperty(linesArb, async (lines) => {
        const { sheet, plan } = await roundTrip(lines, kind);
        expect(plan).toEqual({
          fileRows: lines.length,
          changes: [],
          errors: [],
          ignored: [],
          ignoredCount: 0,
          unchangedRows: lines.length,
        });
        // Read-only text comes back unchanged too (the .xlsx totals row aside).
        const lineRows = sheet.rows.filter((row) => row.values[0] !== 'Total');
        expect(lineRows.map((row) => row.values[1] ?? '')).toEqual(lines.map((line) => line.category));
      }),
      { numRuns: 60 },
    );
  });
});

it('writes no formula cell but the totals row: formula-like text is a plain string cell in the sheet XML', async () => {
  const lines = hostile.map((comments, i) => ({
    lineId: `c${i}.r0.q1`,
    category: '=cmd|/C calc!A0',
    region: '@r',
    quarter: 'Q1',
    budgetAmount: 1,
    forecastSales: 2,
    comments,
    rev: 0,
    changes: {},
  }));
  const zip = await JSZip.loadAsync(await collect(exportWorkbook(lines, { available: true, values: {} })));
  const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  // The only formulas are the totals row's own SUBTOTALs over the number columns.
  expect(sheetXml.match(/<f[ >][^<]*<\/f>/g)).toEqual(['E', 'F', 'G'].map((c) => `<f>SUBTOTAL(109,${c}2:${c}12)</f>`));
  expect(strings).toContain('<t>=cmd|/C calc!A0</t>');
  expect(strings).not.toContain("'=");
});
