import { randomUUID } from 'node:crypto';
import { budgetGridSchema, errorEnvelopeSchema, kpiDetailSchema, kpiSavedSchema } from '@planboard/contracts';
import { freshKpiId, kpiSuite, point, type Person } from '../support/kpis';
import { freshPlan } from '../support/plans';
import { changedEntities, snapshotTables } from './storage-diff';

/**
 * What the API must refuse (issue 11, point 4), over HTTP against the real host, each refusal
 * proved to write nothing by diffing this suite's own Azurite before and after.
 */
const suite = kpiSuite();
let planId: string;

beforeAll(async () => {
  planId = await freshPlan(suite.storage());
  // Each caller's first request records them in the directory; do that before any snapshot.
  for (const who of ['Nora Lindqvist', 'Erik Hansen', 'Alex Morgan'] as const) expect((await suite.call(who, '/me')).status).toBe(200);
}, 60_000);

const errorOf = async (response: Response) => errorEnvelopeSchema.parse(await response.json()).error;

/** Runs `act` and returns what it changed in storage. */
async function writesOf(act: () => Promise<void>): Promise<string[]> {
  const before = await snapshotTables(suite.storage());
  await act();
  return changedEntities(before, await snapshotTables(suite.storage())).map((change) => change.key);
}

const csv = 'Line id,Category,Region,Quarter,Budget amount,Forecast sales,Comments\ncoffee.finland.q1,Coffee,Finland,Q1,1000,2000,x\n';

describe('routes that would create state for anything named in the address', () => {
  it('answer 404 for a plan that does not exist and write nothing (submit, unlock, import, import apply)', async () => {
    const missing = `no-${randomUUID().slice(0, 8)}`;
    const writes = await writesOf(async () => {
      const submit = await suite.call('Nora Lindqvist', `/budget/${missing}/sales-north/submit`, { method: 'POST' });
      expect([submit.status, (await errorOf(submit)).code]).toEqual([404, 'NotFound']);
      const unlock = await suite.call('Alex Morgan', `/budget/${missing}/sales-north/unlock`, { json: { reason: 'reopen please' } });
      expect(unlock.status).toBe(404);
      const preview = await suite.upload('Erik Hansen', `/budget/${missing}/sales-north/import`, csv, 'text/csv');
      expect(preview.status).toBe(404);
      const apply = await suite.call('Erik Hansen', `/budget/${missing}/sales-north/import/${randomUUID()}/apply`, { method: 'POST' });
      expect(apply.status).toBe(404);
      const kpiPoint = await suite.record(freshKpiId('missing'), point('2026-11-02', 10));
      expect(kpiPoint.status).toBe(404);
    });
    expect(writes).toEqual([]);
  });

  it('still accept the same requests for a plan that exists', async () => {
    const preview = await suite.upload('Erik Hansen', `/budget/${planId}/sales-north/import`, csv, 'text/csv');
    expect(preview.status).toBe(200);
  });
});

describe('If-Match on KPI update and delete', () => {
  let kpiId: string;
  let etag: string;
  beforeAll(async () => {
    kpiId = freshKpiId('ifmatch');
    await suite.create(kpiId);
    const detail = await suite.call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`);
    etag = detail.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"/);
    // The body carries the same version: App Service CORS may hide the header from the tab in Azure.
    expect(kpiDetailSchema.parse(await detail.json()).etag).toBe(etag);
  });
  const body = (name: string) => ({
    kpiId,
    name,
    unit: '%',
    description: '',
    targetType: 'higherIsBetter',
    thresholds: { atRiskPct: 5, offTrackPct: 10 },
  });

  it.each([
    ['garbage', 'garbage', 400],
    ['two ETags', 'list', 400],
    ['an unterminated tag', '"abc', 400],
    ['an empty tag ("")', '""', 412],
    ['a stale tag', `W/"datetime'2020-01-01T00%3A00%3A00.0000000Z'"`, 412],
  ])('answers %s (%s) with %i, never 500, and changes nothing', async (_label, value, status) => {
    const header = value === 'list' ? `${etag}, W/"datetime'2020-01-01T00%3A00%3A00Z'"` : value;
    const writes = await writesOf(async () => {
      const put = await suite.call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`, {
        method: 'PUT',
        json: body('Renamed'),
        headers: { 'if-match': header },
      });
      expect(put.status).toBe(status);
      const del = await suite.call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`, { method: 'DELETE', headers: { 'if-match': header } });
      expect(del.status).toBe(status);
      expect((await errorOf(del)).code).toBe(status === 400 ? 'BadRequest' : 'PreconditionFailed');
    });
    expect(writes).toEqual([]);
  });

  it('answers 428 PreconditionRequired without If-Match, and changes nothing', async () => {
    const writes = await writesOf(async () => {
      const put = await suite.call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`, { method: 'PUT', json: body('Renamed') });
      const del = await suite.call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`, { method: 'DELETE' });
      for (const response of [put, del]) {
        expect(response.status).toBe(428);
        const error = await errorOf(response);
        expect(error).toMatchObject({ code: 'PreconditionRequired', details: [{ path: 'if-match', message: expect.any(String) }] });
        expect(error.message).toMatch(/If-Match/);
      }
    });
    expect(writes).toEqual([]);
  });

  it('applies a write with the current ETag', async () => {
    const put = await suite.call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`, {
      method: 'PUT',
      json: body('Renamed'),
      headers: { 'if-match': etag },
    });
    expect(put.status).toBe(200);
    // The answer names the new version, in the body and the header; the old one is stale now.
    const saved = kpiSavedSchema.parse(await put.json());
    expect(saved.etag).toBe(put.headers.get('etag'));
    expect(saved.etag).not.toBe(etag);
    const detail = kpiDetailSchema.parse(await (await suite.call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`)).json());
    expect([detail.kpi.name, detail.etag]).toEqual(['Renamed', saved.etag]);
    const stale = await suite.call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`, { method: 'DELETE', headers: { 'if-match': etag } });
    expect([stale.status, (await errorOf(stale)).code]).toEqual([412, 'PreconditionFailed']);
  });
});

describe('input the API refuses', () => {
  it('answers 400 for a since date out of range (not a RangeError 500)', async () => {
    for (const since of ['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z']) {
      const response = await suite.call('Erik Hansen', `/budget/${planId}/sales-north?since=${encodeURIComponent(since)}`);
      expect([response.status, (await errorOf(response)).code]).toEqual([400, 'ValidationFailed']);
    }
  });

  async function anEdit(extra: Record<string, unknown> = {}) {
    const grid = budgetGridSchema.parse(await (await suite.call('Erik Hansen', `/budget/${planId}/sales-north`)).json());
    const line = grid.lines[0]!;
    return {
      idempotencyKey: randomUUID(),
      action: 'edit',
      edits: [{ lineId: line.lineId, field: 'comments', value: `refused ${randomUUID()}`, baseRev: line.rev, ...extra }],
    };
  }

  it.each(['text/plain; x=application/json', 'application/jsonx', 'application/json; charset=iso-8859-1'])(
    'answers 415 for a body sent as %s and writes nothing',
    async (type) => {
      const patch = await anEdit();
      const writes = await writesOf(async () => {
        const response = await fetch(`${suite.api().base}/budget/${planId}/sales-north`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${suite.token['Erik Hansen']}`, 'content-type': type },
          body: JSON.stringify(patch),
        });
        expect([response.status, (await errorOf(response)).code]).toEqual([415, 'UnsupportedMediaType']);
      });
      expect(writes).toEqual([]);
    },
  );

  it('refuses __proto__ / constructor keys in a body with 400 instead of dropping them, and writes nothing', async () => {
    for (const key of ['__proto__', 'constructor']) {
      const text = JSON.stringify(await anEdit({ [`${key}_`]: { isAdmin: true } })).replace(`"${key}_"`, `"${key}"`);
      const writes = await writesOf(async () => {
        const response = await fetch(`${suite.api().base}/budget/${planId}/sales-north`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${suite.token['Erik Hansen']}`, 'content-type': 'application/json' },
          body: text,
        });
        expect(response.status).toBe(400);
        expect((await errorOf(response)).details).toEqual([{ path: `edits.0.${key}`, message: `${key} is not allowed as a key` }]);
      });
      expect(writes).toEqual([]);
    }
  });

  it('refuses a __proto__ key in the query string as a reserved key', async () => {
    const response = await suite.call('Erik Hansen', `/budget/${planId}/sales-north/audit?__proto__=1`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual([{ path: '__proto__', message: '__proto__ is not allowed as a key' }]);
  });
});

describe('response headers', () => {
  it.each<[string, Person | undefined, string, number]>([
    ['a JSON success', 'Erik Hansen', '/me', 200],
    ['an error', 'Erik Hansen', '/budget/no-such-plan/no-such-bu/audit', 404],
    ['a refused token', undefined, '/me', 401],
  ])('carry X-Content-Type-Options: nosniff on %s', async (_label, who, path, status) => {
    const response = who ? await suite.call(who, path) : await suite.api().call(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('store data pipeline routes (admins only)', () => {
  it('refuse a BU leader and a contributor with 403 in the error envelope, and write nothing', async () => {
    const runId = '8640000000000-abcdef';
    const writes = await writesOf(async () => {
      for (const who of ['Nora Lindqvist', 'Erik Hansen'] as const) {
        for (const [method, path] of [
          ['POST', '/stores/runs'],
          ['GET', '/stores/runs'],
          ['GET', `/stores/runs/${runId}`],
          ['GET', `/stores/runs/${runId}/rejected.xlsx`],
          ['POST', `/stores/uploads/${randomUUID()}/load`],
          ['GET', '/stores/sources'],
        ] as const) {
          const response = await suite.call(who, path, { method });
          expect([path, response.status, (await errorOf(response)).code]).toEqual([path, 403, 'Forbidden']);
        }
        const upload = await suite.upload(who, '/stores/uploads?fileName=week.csv', 'Store ID,Date\n', 'text/csv');
        expect([upload.status, (await errorOf(upload)).code]).toEqual([403, 'Forbidden']);
      }
    });
    expect(writes).toEqual([]);
  });
});
