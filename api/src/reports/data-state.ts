import type { ReportDataState } from '@planboard/contracts';
import type { Access } from '../access/guard';
import type { KpiStore } from '../kpi/store';
import type { CatalogEntry } from './catalog';

/** What the probe reads: the KPI store's definitions and points. */
export type KpiReader = Pick<KpiStore, 'listDefinitions' | 'listPoints'>;

/** Whether any KPI of any of these departments has a data point (stops at the first one found). */
async function anyKpiPoint(kpis: KpiReader, departmentIds: readonly string[]): Promise<boolean> {
  for (const departmentId of departmentIds) {
    for (const { kpi } of await kpis.listDefinitions(departmentId)) {
      if ((await kpis.listPoints(departmentId, kpi.kpiId)).length > 0) return true;
    }
  }
  return false;
}

/**
 * Whether the report has anything to show the caller yet, from Planboard's own records of the
 * scopes they may read (the same reads as the API's KPI routes): the KPI Dashboard has data once
 * a point is recorded in one of their departments. Budget and store reports are not told apart
 * (their data is not only Planboard's), so they get no state.
 */
export async function reportDataState(entry: CatalogEntry, access: Access, kpis: KpiReader): Promise<ReportDataState | undefined> {
  if (entry.key !== 'kpi') return undefined;
  return (await anyKpiPoint(kpis, access.scopeIds('read', 'department'))) ? 'hasData' : 'noDataYet';
}
