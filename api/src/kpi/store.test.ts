import { randomUUID } from 'node:crypto';
import type { PowerBiClient, PushRow, KpiDefinition } from '@planboard/server';
import { KpiStore } from './store';
import { writePoints, type WriteContext } from './write';

// Runs against the Azurite started by the jest global setup (tests/support/global-setup.js).
const connection = (): string => {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run through the root jest config');
  return value;
};
const stamp = { createdBy: 'a', createdAt: '2026-11-01T00:00:00Z', updatedBy: 'a', updatedAt: '2026-11-01T00:00:00Z' };
const definition = (kpiId: string): KpiDefinition => ({
  departmentId: 'dept-unit-tests',
  kpiId,
  name: 'Big Number',
  unit: 'EUR',
  description: '',
  targetType: 'higherIsBetter',
  thresholds: { atRiskPct: 5, offTrackPct: 10 },
});
const day = (index: number): string => new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);

let store: KpiStore;
beforeAll(() => {
  store = new KpiStore(connection());
  process.env.AzureWebJobsStorage ??= connection();
});

describe('KPI definitions in Table Storage', () => {
  it('creates once, replaces conditionally and deletes', async () => {
    const kpi = definition(`k-${randomUUID().slice(0, 8)}`);
    const created = await store.createDefinition(kpi, stamp);
    expect(await store.createDefinition(kpi, stamp)).toBe(false);
    const stored = await store.getDefinition(kpi.departmentId, kpi.kpiId);
    expect(stored?.kpi).toEqual(kpi);
    expect(created).toEqual({ etag: stored?.etag });
    expect((await store.listDefinitions(kpi.departmentId)).map((item) => item.kpi.kpiId)).toContain(kpi.kpiId);
    const renamed = { ...kpi, name: 'Bigger Number', rangeMin: 1.5 };
    const replaced = await store.replaceDefinition(renamed, stamp, stored?.etag);
    expect(await store.replaceDefinition(kpi, stamp, stored?.etag)).toBe('changed');
    const current = await store.getDefinition(kpi.departmentId, kpi.kpiId);
    expect(current?.kpi).toEqual(renamed);
    expect(replaced).toEqual({ etag: current?.etag });
    expect(current?.etag).not.toBe(stored?.etag);
    expect(await store.deleteDefinition(kpi.departmentId, kpi.kpiId)).toBe('ok');
    expect(await store.deleteDefinition(kpi.departmentId, kpi.kpiId)).toBe('missing');
    expect(await store.replaceDefinition(kpi, stamp)).toBe('missing');
  });
});

describe('KPI points in Table Storage', () => {
  it('upserts in ≤100-operation transactions, keeps large numbers exact, and deletes them all', async () => {
    const kpi = definition(`k-${randomUUID().slice(0, 8)}`);
    const points = Array.from({ length: 250 }, (_, index) => ({
      period: 'daily' as const,
      periodStart: day(index),
      value: 5_000_000_000 + index,
      target: index % 2 ? 2.5 : undefined,
      notes: '',
      author: 'a',
      recordedAt: '2026-11-01T00:00:00Z',
    })).map(({ target, ...point }) => (target === undefined ? point : { ...point, target }));
    await store.upsertPoints(kpi.departmentId, kpi.kpiId, points);
    await store.upsertPoints(kpi.departmentId, kpi.kpiId, [{ ...points[3]!, value: -1, notes: 'replaced' }]);
    const read = await store.listPoints(kpi.departmentId, kpi.kpiId);
    expect(read).toHaveLength(250);
    expect(read[0]).toEqual(points[0]);
    expect(read[1]).toEqual(points[1]);
    expect(read[3]).toMatchObject({ value: -1, notes: 'replaced' });
    expect(await store.deletePoints(kpi.departmentId, kpi.kpiId)).toBe(250);
    expect(await store.listPoints(kpi.departmentId, kpi.kpiId)).toEqual([]);
  });
});

describe('writing points', () => {
  const context = (rows: PushRow[][], fail = false): WriteContext & { warnings: string[] } => {
    const warnings: string[] = [];
    const powerBi = {
      push: {
        addRows: async (_workspace: string, _dataset: string, _table: string, batch: PushRow[]) => {
          if (fail) throw new Error('Power BI is down');
          rows.push(batch);
          return 1;
        },
      },
    } as unknown as PowerBiClient;
    return {
      store,
      caller: { name: 'Erik Hansen', upn: 'erik.hansen@contoso.onmicrosoft.com' },
      departmentName: 'Unit tests',
      powerBi,
      pushTarget: { workspaceId: 'w', datasetId: 'd' },
      warn: (message) => warnings.push(message),
      warnings,
    };
  };
  const weekly = (periodStart: string, value: number) => ({ period: 'weekly' as const, periodStart, value, target: 100, notes: '' });

  it('alerts only when the KPI turns off track, and pushes the written points', async () => {
    const kpi = definition(`k-${randomUUID().slice(0, 8)}`);
    const pushed: PushRow[][] = [];
    const first = await writePoints(context(pushed), [{ kpi, points: [weekly('2026-11-02', 100)] }]);
    expect(first).toMatchObject({ turnedOffTrack: [], pushed: true });
    expect(first.summaries[0]).toMatchObject({ status: 'onTrack', latest: { author: 'erik.hansen@contoso.onmicrosoft.com' } });
    const worse = await writePoints(context(pushed), [{ kpi, points: [weekly('2026-11-09', 80)] }]);
    expect(worse).toMatchObject({ turnedOffTrack: [kpi.kpiId], notified: true });
    // Still off track: no second alert. An older period does not change the status either.
    expect((await writePoints(context(pushed), [{ kpi, points: [weekly('2026-11-09', 70)] }])).turnedOffTrack).toEqual([]);
    expect((await writePoints(context(pushed), [{ kpi, points: [weekly('2026-10-26', 10)] }])).summaries[0]?.status).toBe('offTrack');
    expect(pushed.flat().map((row) => [row.Value, row.Status])).toEqual([
      [100, 'onTrack'],
      [80, 'offTrack'],
      [70, 'offTrack'],
      [10, 'offTrack'],
    ]);
  });

  it('asks the KPI Dashboard’s model to import the points once they are stored', async () => {
    const kpi = definition(`k-${randomUUID().slice(0, 8)}`);
    const storedWhenAsked: number[] = [];
    const refreshModel = jest.fn(async () => {
      storedWhenAsked.push((await store.listPoints(kpi.departmentId, kpi.kpiId)).length);
      return true;
    });
    const result = await writePoints({ ...context([]), refreshModel }, [{ kpi, points: [weekly('2026-11-02', 99)] }]);
    expect(result.modelRefreshed).toBe(true);
    expect(storedWhenAsked).toEqual([1]);
    expect((await writePoints({ ...context([]), refreshModel }, [])).modelRefreshed).toBe(false);
    expect(refreshModel).toHaveBeenCalledTimes(1);
  });

  it('keeps the write when Power BI fails, with a warning', async () => {
    const kpi = definition(`k-${randomUUID().slice(0, 8)}`);
    const failing = context([], true);
    const result = await writePoints(failing, [{ kpi, points: [weekly('2026-11-02', 99)] }]);
    expect(result.pushed).toBe(false);
    expect(failing.warnings.join()).toMatch(/saved but not pushed to Power BI: Power BI is down/);
    expect(await store.listPoints(kpi.departmentId, kpi.kpiId)).toHaveLength(1);
  });
});
