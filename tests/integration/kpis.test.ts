import {
  kpiDashboardSchema,
  kpiImportResultSchema,
  kpiSavedSchema,
  kpiSummarySchema,
  type KpiOffTrackNotification,
} from '@planboard/contracts';
import { KpiStore } from '../../api/src/kpi/store';
import { startApiHost } from './support/api-host';
import {
  drainNotifications,
  errorOf,
  freshKpiId,
  kpiBody,
  kpiSuite,
  lastRequestSeq,
  point,
  pushedRows,
  rowPosts,
  upn,
} from './support/kpis';

/**
 * The KPI API over HTTP: a real Functions host, the Power BI emulator and the identity provider,
 * on the suite's own Azurite (it alone reads the `notifications` queue). Fresh KPI ids per test.
 */
const { token, storage, api, call, create, record, detailOf } = kpiSuite();

describe('dashboard', () => {
  it('shows each user only the departments they can read, with rights, counts and 12-week trends', async () => {
    const morgan = await call('Morgan Lee', '/kpis');
    expect(morgan.status).toBe(200);
    const text = await morgan.text();
    const body = kpiDashboardSchema.parse(JSON.parse(text));
    expect(body.departments.map((d) => [d.departmentId, d.canEdit, d.canManage])).toEqual([
      ['dept-marketing', false, false],
      ['dept-sales', false, false],
    ]);
    for (const other of ['dept-finance', 'dept-operations', 'dept-it', 'dept-human-resources']) expect(text).not.toContain(other);
    const sales = body.departments.find((d) => d.departmentId === 'dept-sales')!;
    expect(sales.counts).toMatchObject({ offTrack: expect.any(Number), atRisk: expect.any(Number) });
    expect(sales.kpis.find((k) => k.kpiId === 'weekly-revenue')).toMatchObject({ status: 'offTrack', unit: 'EUR' });
    expect(sales.kpis.find((k) => k.kpiId === 'quote-turnaround')).toMatchObject({ status: 'atRisk', targetType: 'lowerIsBetter' });
    for (const kpi of sales.kpis.filter((k) => ['weekly-revenue', 'win-rate', 'average-discount'].includes(k.kpiId))) {
      expect(kpi.trend).toHaveLength(12);
      expect(kpi.trend.map((p) => p.periodStart)).toEqual([...kpi.trend.map((p) => p.periodStart)].sort());
      expect(kpi.latest).toEqual(kpi.trend.at(-1));
    }
    const erik = kpiDashboardSchema.parse(await (await call('Erik Hansen', '/kpis')).json());
    expect(erik.departments.map((d) => [d.departmentId, d.canEdit, d.canManage])).toEqual([['dept-sales', true, false]]);
    const nora = kpiDashboardSchema.parse(await (await call('Nora Lindqvist', '/kpis')).json());
    expect(nora.departments.map((d) => [d.departmentId, d.canManage])).toEqual([['dept-sales', true]]);
    const admin = kpiDashboardSchema.parse(await (await call('Alex Morgan', '/kpis')).json());
    expect(admin.departments).toHaveLength(6);
    expect(admin.departments.every((d) => d.kpis.length >= 2 && d.canManage)).toBe(true);
  });

  it('needs a valid token', async () => {
    expect((await api().call('/kpis')).status).toBe(401);
  });
});

describe('access on every KPI route', () => {
  const routes = (kpiId: string) =>
    [
      ['GET', `/kpis/dept-sales/${kpiId}`, undefined, 'read'],
      ['POST', `/kpis/dept-sales/${kpiId}/points`, point('2026-11-02', 1), 'edit'],
      ['POST', '/kpis/dept-sales/import', { points: [{ kpiId, ...point('2026-11-02', 1) }] }, 'edit'],
      ['POST', '/kpis/dept-sales', kpiBody(freshKpiId()), 'approve'],
      ['PUT', `/kpis/dept-sales/${kpiId}`, kpiBody(kpiId), 'approve'],
      ['DELETE', `/kpis/dept-sales/${kpiId}`, undefined, 'approve'],
    ] as const;

  it('answers 404 (revealing nothing) for another department and 403 for too weak a grant', async () => {
    const kpiId = freshKpiId('acl');
    await create(kpiId);
    const store = new KpiStore(storage());
    for (const [method, path, json, level] of routes(kpiId)) {
      const outsider = await call('Fiona Walsh', path, { method, json });
      expect([method, path, outsider.status]).toEqual([method, path, 404]);
      expect(JSON.stringify(await outsider.json())).not.toContain('dept-sales');
      const reader = await call('Morgan Lee', path, { method, json });
      expect([method, path, reader.status]).toEqual([method, path, level === 'read' ? 200 : 403]);
      if (level === 'approve') {
        const contributor = await call('Erik Hansen', path, { method, json });
        expect([method, path, contributor.status]).toEqual([method, path, 403]);
        expect((await errorOf(contributor)).message).toBe('You need approve access to Sales for this.');
      }
    }
    expect(await store.listPoints('dept-sales', kpiId)).toEqual([]);
    expect((await store.getDefinition('dept-sales', kpiId))?.kpi.name).toBe(`Test KPI ${kpiId}`);
  });
});

describe('defining KPIs', () => {
  it('creates (201), refuses a taken id (409), updates and deletes with its points', async () => {
    const kpiId = freshKpiId('crud');
    const created = await call('Nora Lindqvist', '/kpis/dept-sales', { json: kpiBody(kpiId) });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/kpis/dept-sales/${kpiId}`);
    const createdBody = kpiSavedSchema.parse(await created.json());
    expect(createdBody).toMatchObject({ departmentId: 'dept-sales', kpiId, status: 'noData', trend: [] });
    expect(createdBody.etag).toBe(created.headers.get('etag'));
    const again = await call('Nora Lindqvist', '/kpis/dept-sales', { json: kpiBody(kpiId) });
    expect([again.status, (await errorOf(again)).message]).toEqual([409, `A KPI with the id ${kpiId} already exists in Sales.`]);

    expect((await record(kpiId, point('2026-11-02', 92))).status).toBe(200);
    expect((await detailOf(kpiId)).kpi.status).toBe('atRisk');
    const { etag } = await detailOf(kpiId, 'Nora Lindqvist');
    // Wider thresholds re-rate the stored point.
    const updated = await call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`, {
      method: 'PUT',
      json: kpiBody(kpiId, { name: 'Renamed', thresholds: { atRiskPct: 10, offTrackPct: 20 } }),
      headers: { 'if-match': etag },
    });
    expect(updated.status).toBe(200);
    const saved = kpiSavedSchema.parse(await updated.json());
    expect(saved).toMatchObject({ name: 'Renamed', status: 'onTrack' });
    const stale = await call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`, {
      method: 'PUT',
      json: kpiBody(kpiId),
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);

    const remove = { method: 'DELETE', headers: { 'if-match': saved.etag } };
    expect((await call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`, remove)).status).toBe(204);
    expect((await call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`)).status).toBe(404);
    expect((await call('Nora Lindqvist', `/kpis/dept-sales/${kpiId}`, remove)).status).toBe(404);
    expect(await new KpiStore(storage()).listPoints('dept-sales', kpiId)).toEqual([]);
  });

  it('rejects invalid definitions with 400s naming the fields', async () => {
    const invalid = async (body: unknown, scope = 'dept-sales') => {
      const response = await call('Nora Lindqvist', `/kpis/${scope}`, { json: body });
      expect(response.status).toBe(400);
      return errorOf(response);
    };
    const paths = async (body: unknown) => ((await invalid(body)).details ?? []).map((d) => d.path).sort();
    expect(await paths({ ...kpiBody('ok-id'), name: '', targetType: 'biggerIsBetter' })).toEqual(['name', 'targetType']);
    expect(await paths(kpiBody('Not A Slug'))).toEqual(['kpiId']);
    expect(await paths(kpiBody(freshKpiId(), { targetType: 'withinRange' }))).toEqual(['rangeMin']);
    expect(await paths(kpiBody(freshKpiId(), { targetType: 'withinRange', rangeMin: 5, rangeMax: 1 }))).toEqual(['rangeMax']);
    expect(await paths(kpiBody(freshKpiId(), { thresholds: { atRiskPct: 20, offTrackPct: 10 } }))).toEqual(['thresholds.offTrackPct']);
    expect(await paths({ ...kpiBody(freshKpiId()), colour: 'red' })).toEqual(['(body)']);
    expect((await invalid(kpiBody(freshKpiId()), 'sales-north')).message).toBe(
      'KPIs belong to departments; Sales North is a business unit.',
    );
    const kpiId = await create(freshKpiId('put')).then((kpi) => kpi.kpiId);
    const put = (id: string, body: unknown) =>
      call('Nora Lindqvist', `/kpis/dept-sales/${id}`, { method: 'PUT', json: body, headers: { 'if-match': '*' } });
    const mismatch = await put(kpiId, kpiBody('other-id'));
    expect([mismatch.status, (await errorOf(mismatch)).details?.[0]?.path]).toEqual([400, 'kpiId']);
    expect((await put(freshKpiId(), kpiBody('x1'))).status).toBe(404);
  });
});

describe('data points', () => {
  it('rates points by target type end to end, newest first, and upserts a period', async () => {
    const kpiId = (await create(freshKpiId('pts'))).kpiId;
    const statusAfter = async (body: unknown) => kpiSummarySchema.parse(await (await record(kpiId, body)).json());
    expect(await statusAfter(point('2026-10-26', 96))).toMatchObject({ status: 'onTrack' });
    expect(await statusAfter(point('2026-11-02', 94))).toMatchObject({
      status: 'atRisk',
      latest: { value: 94, author: upn('Erik Hansen') },
    });
    // An older period does not change the status; the same period again replaces its point.
    expect(await statusAfter(point('2026-10-19', 50))).toMatchObject({ status: 'atRisk' });
    expect(await statusAfter({ ...point('2026-11-02', 89), notes: 'replaced' })).toMatchObject({ status: 'offTrack' });
    const detail = await detailOf(kpiId, 'Morgan Lee');
    expect(detail.points.map((p) => [p.periodStart, p.value, p.status])).toEqual([
      ['2026-11-02', 89, 'offTrack'],
      ['2026-10-26', 96, 'onTrack'],
      ['2026-10-19', 50, 'offTrack'],
    ]);
    expect(detail.points[0]).toMatchObject({ notes: 'replaced', author: upn('Erik Hansen'), recordedAt: expect.any(String) });

    const range = (await create(freshKpiId('range'), { targetType: 'withinRange', rangeMin: 2, rangeMax: 4, unit: '°C' })).kpiId;
    const ranged = await call('Erik Hansen', `/kpis/dept-sales/${range}/points`, { json: point('2026-11-02', 4.1, null) });
    expect(kpiSummarySchema.parse(await ranged.json())).toMatchObject({ status: 'onTrack' });
  });

  it('rejects invalid points with 400s naming the fields, writing nothing', async () => {
    const kpiId = (await create(freshKpiId('bad'))).kpiId;
    const noTarget = await record(kpiId, point('2026-11-02', 1, null));
    expect(noTarget.status).toBe(400);
    expect((await errorOf(noTarget)).details).toEqual([
      { path: 'target', message: 'A target is required: this KPI is "higher is better".' },
    ]);
    const wrong = await record(kpiId, { period: 'hourly', periodStart: '2026-02-30', value: 'many' });
    expect(((await errorOf(wrong)).details ?? []).map((d) => d.path).sort()).toEqual(['period', 'periodStart', 'value']);
    expect((await record(kpiId, 'not json')).status).toBe(400);
    expect((await record(freshKpiId(), point('2026-11-02', 1))).status).toBe(404);
    expect((await detailOf(kpiId)).points).toEqual([]);
  });

  it('refuses a period that has not begun (it would rate and alert for a week that has not happened)', async () => {
    const kpiId = (await create(freshKpiId('future'))).kpiId;
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-04`;
    const future = await record(kpiId, point(nextYear, 1));
    expect(future.status).toBe(400);
    expect((await errorOf(future)).details).toEqual([
      {
        path: 'periodStart',
        message: `The period starting ${nextYear} has not begun yet: record values only for periods that have started.`,
      },
    ]);
    const imported = await call('Nora Lindqvist', '/kpis/dept-sales/import', {
      json: { points: [{ kpiId, period: 'weekly', periodStart: nextYear, value: 1, target: 30 }] },
    });
    expect(imported.status).toBe(400);
    expect(JSON.stringify(await imported.json())).toContain('has not begun yet');
    expect((await detailOf(kpiId)).points).toEqual([]);
  });
});

describe('off-track alerts and Power BI', () => {
  it('enqueues exactly one kpiOffTrack message when a point turns the KPI off track', async () => {
    const kpiId = (await create(freshKpiId('alert'))).kpiId;
    await drainNotifications(storage());
    expect((await record(kpiId, point('2026-11-02', 97))).status).toBe(200);
    expect((await record(kpiId, point('2026-11-09', 93))).status).toBe(200); // at risk: no alert
    expect(await drainNotifications(storage())).toEqual([]);
    expect((await record(kpiId, point('2026-11-16', 80))).status).toBe(200);
    expect((await record(kpiId, point('2026-11-16', 70))).status).toBe(200); // still off track: no second alert
    const messages = (await drainNotifications(storage())) as KpiOffTrackNotification[];
    expect(messages).toEqual([
      expect.objectContaining({
        kind: 'kpiOffTrack',
        id: `kpiOffTrack:dept-sales:${kpiId}:2026-11-16`,
        departmentId: 'dept-sales',
        departmentName: 'Sales',
        kpiId,
        value: 80,
        target: 100,
        targetText: '≥ 100 %',
        by: { name: 'Erik Hansen', upn: upn('Erik Hansen') },
      }),
    ]);
  });

  it('alerts once per KPI an import turns off track', async () => {
    const [a, b] = [(await create(freshKpiId('ia'))).kpiId, (await create(freshKpiId('ib'))).kpiId];
    await drainNotifications(storage());
    const points = [
      { kpiId: a, ...point('2026-11-02', 50) },
      { kpiId: a, ...point('2026-11-09', 60) },
      { kpiId: b, ...point('2026-11-09', 100) },
    ];
    expect((await call('Erik Hansen', '/kpis/dept-sales/import', { json: { points } })).status).toBe(200);
    const messages = await drainNotifications(storage());
    expect(messages.map((m) => m.id)).toEqual([`kpiOffTrack:dept-sales:${a}:2026-11-09`]);
  });

  it('pushes written points to the KPI push dataset, and a Power BI failure does not fail the write', async () => {
    const kpiId = (await create(freshKpiId('push'))).kpiId;
    expect((await record(kpiId, point('2026-11-02', 93))).status).toBe(200);
    const rows = await pushedRows(kpiId);
    expect(rows).toEqual([
      {
        'DataPoints[KpiId]': kpiId,
        'DataPoints[KpiName]': `Test KPI ${kpiId}`,
        'DataPoints[Department]': 'Sales',
        'DataPoints[Date]': '2026-11-02T00:00:00.000Z',
        'DataPoints[Period]': 'weekly',
        'DataPoints[Value]': 93,
        'DataPoints[Target]': 100,
        'DataPoints[Status]': 'atRisk',
        'DataPoints[Author]': upn('Erik Hansen'),
      },
    ]);
    // The largest import (10,000 points) is one rows call of 10,000.
    const since = await lastRequestSeq();
    const many = Array.from({ length: 10_000 }, (_, index) => ({
      kpiId,
      period: 'daily',
      periodStart: new Date(Date.UTC(1990, 0, 1) + index * 86_400_000).toISOString().slice(0, 10),
      value: index,
      target: 1,
    }));
    expect(
      kpiImportResultSchema.parse(await (await call('Erik Hansen', '/kpis/dept-sales/import', { json: { points: many } })).json()).imported,
    ).toBe(10_000);
    expect(await pushedRows(kpiId)).toHaveLength(10_001);
    expect((await rowPosts(since)).map((post) => post.status)).toEqual([200]);

    const broken = await startApiHost({
      AzureWebJobsStorage: storage(),
      KPI_PUSH_DATASET_ID: '00000000-0000-4000-8000-000000000000',
    });
    try {
      const response = await broken.call(`/kpis/dept-sales/${kpiId}/points`, {
        token: token['Erik Hansen'],
        json: point('2026-11-09', 99),
      });
      expect(response.status).toBe(200);
      expect(kpiSummarySchema.parse(await response.json()).latest).toMatchObject({ periodStart: '2026-11-09', value: 99 });
      expect((await detailOf(kpiId)).points[0]).toMatchObject({ periodStart: '2026-11-09', value: 99 });
      expect(await pushedRows(kpiId)).toHaveLength(10_001);
      expect((await rowPosts(since)).map((post) => post.status)).toEqual([200, 404]);
    } finally {
      await broken.stop();
    }
  }, 90_000);
});
