import { kpiImportColumns, kpiImportResultSchema } from '@planboard/contracts';
import { hugeString, lyingZipBomb, manyRows, notAWorkbookZip, zipBomb } from './support/hostile-workbooks';
import { errorOf, freshKpiId, kpiSuite, point, workbook, xlsxType } from './support/kpis';

/** KPI data point imports over HTTP (JSON, .csv, .xlsx), on the suite's own Azurite and API host. */
const { call, upload, create, detailOf } = kpiSuite();

describe('import', () => {
  const url = '/kpis/dept-sales/import';

  it('imports JSON, .csv and .xlsx; a file with a bad row is refused as a whole with every row error', async () => {
    const [a, b] = [(await create(freshKpiId('imp'))).kpiId, (await create(freshKpiId('imp'))).kpiId];
    const json = await call('Erik Hansen', url, {
      json: {
        points: [
          { kpiId: a, ...point('2026-10-05', 99) },
          { kpiId: b, ...point('2026-10-05', 1) },
        ],
      },
    });
    expect(json.status).toBe(200);
    expect(kpiImportResultSchema.parse(await json.json())).toEqual({ imported: 2, errors: [] });

    const headers = Object.values(kpiImportColumns).join(',');
    const csv = `${headers}\n${a},Weekly,2026-10-12,"1,000",1000,from csv\n${b},weekly,2026-10-12,2,1,\n`;
    expect(kpiImportResultSchema.parse(await (await upload('Erik Hansen', url, csv, 'text/csv')).json()).imported).toBe(2);
    const xlsx = await workbook([Object.values(kpiImportColumns), [a, 'weekly', new Date(Date.UTC(2026, 9, 19)), 97.5, 100, 'from xlsx']]);
    expect(kpiImportResultSchema.parse(await (await upload('Erik Hansen', url, xlsx, xlsxType)).json()).imported).toBe(1);
    expect((await detailOf(a)).points.map((p) => [p.periodStart, p.value, p.notes])).toEqual([
      ['2026-10-19', 97.5, 'from xlsx'],
      ['2026-10-12', 1000, 'from csv'],
      ['2026-10-05', 99, ''],
    ]);

    const bad = `${headers}\n${a},weekly,2026-10-26,50,100,\n${a},weekly,2026-10-26,abc,100,\nnope,weekly,2026-10-26,1,1,\n${b},weekly,2026-10-26,1,,\n`;
    const refused = await upload('Erik Hansen', url, bad, 'text/csv');
    expect(refused.status).toBe(400);
    const error = await errorOf(refused);
    expect(error.message).toBe('3 of 4 rows cannot be imported; nothing was imported.');
    expect(error.details).toEqual([
      { path: 'rows.3', message: `Row 3 (${a}): Value: "abc" is not a number.` },
      { path: 'rows.4', message: 'Row 4 (nope): There is no KPI "nope" in this department.' },
      { path: 'rows.5', message: `Row 5 (${b}): Target: A target is required: this KPI is "higher is better".` },
    ]);
    expect((await detailOf(a)).points).toHaveLength(3);
    const jsonBad = await call('Erik Hansen', url, {
      json: {
        points: [
          { kpiId: a, ...point('2026-10-26', 1) },
          { kpiId: a, value: 1 },
        ],
      },
    });
    expect(((await errorOf(jsonBad)).details ?? []).map((d) => d.path)).toEqual(['rows.2', 'rows.2']);
    expect((await detailOf(a)).points).toHaveLength(3);
  });

  it('refuses other content types, empty and unreadable files, missing columns and more than 10,000 rows', async () => {
    expect((await upload('Erik Hansen', url, 'a=1', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await upload('Erik Hansen', url, '', 'text/csv')).status).toBe(400);
    expect((await errorOf(await upload('Erik Hansen', url, Buffer.from('not a zip'), xlsxType))).message).toMatch(/not an Excel workbook/);
    expect((await errorOf(await upload('Erik Hansen', url, 'KPI ID,Value\nx,1\n', 'text/csv'))).message).toMatch(
      /^Missing columns: Period, Period Start/,
    );
    const many = Array.from({ length: 10_001 }, () => ({ kpiId: 'x' }));
    expect((await call('Erik Hansen', url, { json: { points: many } })).status).toBe(400);
    expect((await call('Nora Lindqvist', '/kpis/sales-north/import', { json: { points: [{ kpiId: 'x' }] } })).status).toBe(400);
  });

  // Building the hostile fixtures (100 MB deflated by jszip) takes a few seconds each.
  it('checks uploaded files before unpacking them, as budget imports do', async () => {
    for (const bomb of [await zipBomb(), await lyingZipBomb(), await hugeString()]) {
      const response = await upload('Erik Hansen', url, bomb, xlsxType);
      expect(response.status).toBe(413);
      expect(await errorOf(response)).toMatchObject({ code: 'PayloadTooLarge', message: expect.stringMatching(/more than 64 MB/) });
    }
    const rows = await upload('Erik Hansen', url, await manyRows(20_000), xlsxType);
    expect(rows.status).toBe(400);
    expect((await errorOf(rows)).message).toMatch(/more than 10,000 rows; at most 10,000/);
    const csvRows = ['KPI ID,Period,Period Start,Value', ...Array.from({ length: 10_001 }, () => 'x,weekly,2026-11-02,1')].join('\n');
    expect((await errorOf(await upload('Erik Hansen', url, csvRows, 'text/csv'))).message).toMatch(/more than 10,000 rows/);
    expect((await errorOf(await upload('Erik Hansen', url, await notAWorkbookZip(), xlsxType))).message).toMatch(/not an Excel workbook/);
  }, 90_000);
});
