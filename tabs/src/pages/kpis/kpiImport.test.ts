import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../api/client';
import { importFileKind, importProblems, importTemplateCsv, jsonImportBody, resultProblems } from './kpiImport';

describe('import files', () => {
  it('knows a file by its name, then its type', () => {
    expect(importFileKind({ name: 'points.JSON', type: '' })).toBe('json');
    expect(importFileKind({ name: 'points.csv', type: '' })).toBe('csv');
    expect(importFileKind({ name: 'Book1.xlsx', type: '' })).toBe('xlsx');
    expect(importFileKind({ name: 'export', type: 'text/csv' })).toBe('csv');
    expect(importFileKind({ name: 'notes.txt', type: 'text/plain' })).toBeNull();
  });

  it('takes the API body or a bare list as JSON, and says what is wrong otherwise', () => {
    expect(jsonImportBody('{"points":[{"kpiId":"a"}]}')).toEqual({ ok: true, body: { points: [{ kpiId: 'a' }] } });
    expect(jsonImportBody('\uFEFF[{"kpiId":"a"}]')).toEqual({ ok: true, body: { points: [{ kpiId: 'a' }] } });
    expect(jsonImportBody('{points:')).toEqual({ ok: false, reason: 'The file is not valid JSON.' });
    expect(jsonImportBody('{"rows":[]}')).toEqual({ ok: false, reason: 'The JSON needs a "points" list (or is a list of points itself).' });
    expect(jsonImportBody('[]')).toEqual({ ok: false, reason: 'The file has no data points.' });
  });
});

describe('rows that cannot be imported', () => {
  it('reads the 400 details, row by row, with the column when given', () => {
    const error = new ApiError(400, 'ValidationFailed', '2 rows cannot be imported', [
      { path: 'rows.7.value', message: 'Value is not a number' },
      { path: 'rows.3', message: 'Row 3 (nps): There is no KPI "nps" in this department.' },
      { path: 'file', message: 'Missing column Period Start' },
    ]);
    expect(importProblems(error)).toEqual([
      { row: null, column: undefined, message: 'Missing column Period Start' },
      { row: 3, column: undefined, kpiId: 'nps', message: 'There is no KPI "nps" in this department.' },
      { row: 7, column: 'Value', message: 'Value is not a number' },
    ]);
    expect(importProblems(new ApiError(400, 'ValidationFailed', 'x', [{ row: 2, kpiId: 'nps', message: 'Unknown KPI' }]))).toEqual([
      { row: 2, kpiId: 'nps', message: 'Unknown KPI' },
    ]);
    expect(importProblems(new ApiError(403, 'Forbidden', 'No'))).toEqual([]);
    expect(resultProblems([{ row: 4, message: 'x' }])).toEqual([{ row: 4, kpiId: undefined, message: 'x' }]);
  });
});

describe('the template', () => {
  it('lists the headers and a row per KPI for its next period', () => {
    const csv = importTemplateCsv(
      [{ kpiId: 'win-rate', latest: { period: 'weekly', periodStart: '2026-11-02', target: 30 } }, { kpiId: 'nps' }],
      '2026-11-20',
    );
    expect(csv).toBe('KPI ID,Period,Period Start,Value,Target,Notes\r\nwin-rate,weekly,2026-11-09,,30,\r\nnps,weekly,,,,\r\n');
    // The latest is this week's: the template offers this week again, not next week (not begun).
    const current = importTemplateCsv(
      [{ kpiId: 'win-rate', latest: { period: 'weekly', periodStart: '2026-11-16', target: 30 } }],
      '2026-11-20',
    );
    expect(current).toContain('win-rate,weekly,2026-11-16,,30,');
  });
});
