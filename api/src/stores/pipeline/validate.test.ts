import { checkFile } from './check-file';
import { LayoutError, SalesRowValidator } from './validate';

const known = new Set(['104233', '201001']);
const limits = { maxRows: 100, maxUnpackedBytes: 1024 * 1024 };
const csv = (...lines: string[]) => Buffer.from(['Store ID,Date,Day part,Net sales,Transactions,Labour hours', ...lines].join('\n'));

describe('store sales rows are validated one by one, every broken rule named', () => {
  it('loads good rows and names each problem of the bad ones, with row numbers', async () => {
    const checked = await checkFile(
      csv(
        '104233,2026-11-02,lunch,1500.5,120,14',
        '999999,2026-11-02,lunch,1,1,1',
        '104233,2026-02-30,Brunch,-1,n/a,2.5',
        '104233,2026-11-02,LUNCH,10,1,1',
        '20100,2026-11-02,dinner,1,1.5,1',
      ),
      'csv',
      'week.csv',
      known,
      limits,
    );
    expect(checked.rows).toEqual([
      { storeNumber: '104233', date: '2026-11-02', dayPart: 'lunch', netSales: 1500.5, transactions: 120, labourHours: 14 },
    ]);
    expect(checked.rowsRead).toBe(5);
    expect(checked.rejected.map((row) => [row.rowNumber, row.reasons])).toEqual([
      [3, ['Store 999999 is not in the store master.']],
      [
        4,
        [
          'Date "2026-02-30" is not a date (yyyy-mm-dd).',
          'Day part "Brunch" is not one of breakfast, lunch, dinner, late.',
          'Net sales is negative (-1).',
          'Transactions "n/a" is not a number.',
        ],
      ],
      [5, ['Duplicate of row 2 (same store, date and day part).']],
      [6, ['Store ID "20100" is not a six-digit store number.', 'Transactions must be a whole number (1.5).']],
    ]);
  });

  it('refuses a file without the layout’s columns, naming them', async () => {
    await expect(checkFile(Buffer.from('Store,When\n1,2\n'), 'csv', 'odd.csv', known, limits)).rejects.toThrow(LayoutError);
    await expect(checkFile(Buffer.from('Store,When\n1,2\n'), 'csv', 'odd.csv', known, limits)).rejects.toThrow(
      /"Store ID", "Date", "Day part"/,
    );
  });

  it('stops at the row limit instead of reading on', async () => {
    const many = Array.from({ length: 101 }, (_, index) => `104233,2026-11-${String((index % 28) + 1).padStart(2, '0')},lunch,1,1,1`);
    await expect(checkFile(csv(...many), 'csv', 'big.csv', known, limits)).rejects.toThrow(/more than 100 rows/);
  });
});

describe('dates in workbooks', () => {
  it('reads a date cell read without its style (an Excel serial) as that day, and refuses a fractional one', () => {
    const validator = new SalesRowValidator('week.xlsx', known);
    validator.header({ rowNumber: 1, values: ['Store ID', 'Date', 'Day part', 'Net sales', 'Transactions', 'Labour hours'] });
    // 46328 is 2026-11-02 in Excel's 1900 date system.
    expect(validator.check({ rowNumber: 2, values: [104233, 46328, 'lunch', 1, 1, 1] })).toMatchObject({
      ok: true,
      row: { date: '2026-11-02' },
    });
    expect(validator.check({ rowNumber: 3, values: ['104233', 46328.5, 'dinner', 1, 1, 1] })).toMatchObject({ ok: false });
  });
});
