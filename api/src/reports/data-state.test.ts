import type { Caller } from '@planboard/server';
import { Access } from '../access/guard';
import type { KpiDefinition, StoredPoint } from '@planboard/server';
import { reportCatalog } from './catalog';
import { reportDataState, type KpiReader } from './data-state';

const caller: Caller = {
  tid: 't',
  oid: 'o',
  upn: 'nora@contoso.test',
  name: 'Nora',
  appRoles: [],
  isAdmin: false,
  tokenVersion: '2.0',
  token: '',
};
const [budget, , kpi] = reportCatalog();
const sales = new Access(caller, [{ id: 'dept-sales', type: 'department', name: 'Sales', level: 'read' }]);

/** A KPI store double: `dept-sales` has one KPI; whether it has points is up to the test. */
function kpis(points: StoredPoint[]): KpiReader & { reads: string[] } {
  const reads: string[] = [];
  const definition = { departmentId: 'dept-sales', kpiId: 'win-rate' } as KpiDefinition;
  return {
    reads,
    listDefinitions: async (departmentId: string) => {
      reads.push(departmentId);
      return departmentId === 'dept-sales' ? [{ kpi: definition, stamp: {} as never, etag: '*' }] : [];
    },
    listPoints: async () => points,
  } as unknown as KpiReader & { reads: string[] };
}

const point: StoredPoint = { period: 'weekly', periodStart: '2026-11-02', value: 1, notes: '', author: 'a', recordedAt: 'r' };

describe('report data state', () => {
  it('says "no data yet" for the KPI Dashboard when none of the caller’s departments has a point, "has data" once one has', async () => {
    expect(await reportDataState(kpi!, sales, kpis([]))).toBe('noDataYet');
    expect(await reportDataState(kpi!, sales, kpis([point]))).toBe('hasData');
  });

  it('reads only the departments the caller may read, and gives no state for reports whose data is not Planboard’s', async () => {
    const store = kpis([point]);
    const marketing = new Access(caller, [{ id: 'dept-marketing', type: 'department', name: 'Marketing', level: 'read' }]);
    expect(await reportDataState(kpi!, marketing, store)).toBe('noDataYet');
    expect(store.reads).toEqual(['dept-marketing']);
    expect(await reportDataState(budget!, sales, store)).toBeUndefined();
  });
});
