import { HttpRequest } from '@azure/functions';
import { ApiError } from '../errors';
import { ifMatch, requireCurrent } from './routes';
import type { StoredDefinition } from './store';

const withIfMatch = (value?: string): HttpRequest =>
  new HttpRequest({ method: 'PUT', url: 'http://localhost/api/kpis/ops/k', headers: value === undefined ? {} : { 'if-match': value } });

function statusOf(action: () => unknown): number | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

const tableEtag = `W/"datetime'2026-12-07T06%3A30%3A00.1234567Z'"`;

describe('If-Match on KPI definitions', () => {
  it('passes one entity tag (as Table storage issues them) or *', () => {
    expect(ifMatch(withIfMatch(tableEtag))).toBe(tableEtag);
    expect(ifMatch(withIfMatch(` ${tableEtag} `))).toBe(tableEtag);
    expect(ifMatch(withIfMatch('"strong"'))).toBe('"strong"');
    expect(ifMatch(withIfMatch('*'))).toBe('*');
  });

  it('answers 428 PreconditionRequired when If-Match is missing', () => {
    expect(statusOf(() => ifMatch(withIfMatch()))).toBe(428);
    try {
      ifMatch(withIfMatch());
    } catch (error) {
      expect(error).toMatchObject({ code: 'PreconditionRequired', message: expect.stringContaining('If-Match') });
    }
  });

  it.each(['garbage', '""x', '', '   ', `${tableEtag}, "other"`, 'W/', '"unterminated', '"a b"'])('answers 400 for %j', (value) => {
    expect(statusOf(() => ifMatch(withIfMatch(value)))).toBe(400);
  });

  it('answers 412 for a well-formed tag that is not the current one', () => {
    const stored = { etag: tableEtag } as StoredDefinition;
    expect(statusOf(() => requireCurrent(stored, '""'))).toBe(412);
    expect(statusOf(() => requireCurrent(stored, `W/"datetime'2020-01-01T00%3A00%3A00Z'"`))).toBe(412);
    expect(statusOf(() => requireCurrent(stored, tableEtag))).toBeUndefined();
    expect(statusOf(() => requireCurrent(stored, '*'))).toBeUndefined();
  });
});
