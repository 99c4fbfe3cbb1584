import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fetchKpiDetail, ifMatchFor } from './kpisApi';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const detailBody = {
  kpi: {
    departmentId: 'dept-sales',
    kpiId: 'win-rate',
    name: 'Win rate',
    unit: '%',
    description: '',
    targetType: 'higherIsBetter',
    thresholds: { atRiskPct: 5, offTrackPct: 10 },
    status: 'noData',
    trend: [],
  },
  points: [],
  etag: `W/"datetime'2026-12-07T06%3A30%3A00.1234567Z'"`,
};

describe('If-Match on KPI definition changes (the API answers 428 without it)', () => {
  it('sends the version the user saw, without loading anything', async () => {
    const loadDetail = jest.fn(async () => ({ etag: 'W/"newer"' }));
    expect(await ifMatchFor({ departmentId: 'dept-sales', kpiId: 'win-rate', etag: 'W/"seen"' }, loadDetail)).toEqual({
      'if-match': 'W/"seen"',
    });
    expect(loadDetail).not.toHaveBeenCalled();
  });

  it("sends the detail's version when the page has none, never an empty header", async () => {
    const loadDetail = jest.fn(async () => ({ etag: 'W/"detail"' }));
    for (const etag of [undefined, '']) {
      expect(await ifMatchFor({ departmentId: 'dept-sales', kpiId: 'win-rate', etag }, loadDetail)).toEqual({ 'if-match': 'W/"detail"' });
    }
    expect(loadDetail).toHaveBeenCalledTimes(2);
  });

  it("reads the version from the detail's body, as in Azure where CORS hides the ETag header", async () => {
    globalThis.fetch = (async () =>
      new Response(JSON.stringify(detailBody), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    expect((await fetchKpiDetail('dept-sales', 'win-rate')).etag).toBe(detailBody.etag);
  });
});
