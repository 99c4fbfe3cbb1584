import { kpiStatuses, type KpiDashboard, type KpiStatus, type KpiSummary } from '@planboard/contracts';
import { statusLabels } from './kpiFormat';

/** One department of the dashboard. */
export type KpiDepartment = KpiDashboard['departments'][number];

/** What the status filter shows: every KPI, or those of one status. */
export type StatusFilter = KpiStatus | 'all';

/** Counts per status of a list of KPIs (every status present, zero included). */
export function countByStatus(kpis: readonly Pick<KpiSummary, 'status'>[]): Record<KpiStatus, number> {
  const counts = Object.fromEntries(kpiStatuses.map((status) => [status, 0])) as Record<KpiStatus, number>;
  for (const kpi of kpis) counts[kpi.status] += 1;
  return counts;
}

/** Counts per status over every department, for the filter. */
export function totalCounts(dashboard: KpiDashboard): Record<KpiStatus, number> & { all: number } {
  const kpis = dashboard.departments.flatMap((department) => department.kpis);
  return { ...countByStatus(kpis), all: kpis.length };
}

/** The KPIs of a department that pass the status filter and match the search text (name, id, description). */
export function visibleKpis(department: KpiDepartment, status: StatusFilter, search: string): KpiSummary[] {
  const needle = search.trim().toLowerCase();
  return department.kpis.filter(
    (kpi) =>
      (status === 'all' || kpi.status === status) &&
      (!needle || [kpi.name, kpi.kpiId, kpi.description].some((text) => text.toLowerCase().includes(needle))),
  );
}

/**
 * The dashboard with one KPI's summary replaced (or added), its department's counts recomputed.
 * A data point's answer carries no `etag`: the KPI then keeps the version it was loaded with.
 */
export function withSummary(dashboard: KpiDashboard, summary: KpiSummary): KpiDashboard {
  return {
    departments: dashboard.departments.map((department) => {
      if (department.departmentId !== summary.departmentId) return department;
      const exists = department.kpis.some((kpi) => kpi.kpiId === summary.kpiId);
      const kpis = exists
        ? department.kpis.map((kpi) => (kpi.kpiId === summary.kpiId ? { ...summary, etag: summary.etag ?? kpi.etag } : kpi))
        : [...department.kpis, summary].sort((a, b) => a.name.localeCompare(b.name));
      return { ...department, kpis, counts: countByStatus(kpis) };
    }),
  };
}

/** The dashboard without one KPI. */
export function withoutKpi(dashboard: KpiDashboard, departmentId: string, kpiId: string): KpiDashboard {
  return {
    departments: dashboard.departments.map((department) => {
      if (department.departmentId !== departmentId) return department;
      const kpis = department.kpis.filter((kpi) => kpi.kpiId !== kpiId);
      return { ...department, kpis, counts: countByStatus(kpis) };
    }),
  };
}

/** The KPI (and its department) a route names, if the dashboard has it. */
export function findKpi(
  dashboard: KpiDashboard | undefined,
  departmentId: string | undefined,
  kpiId: string | undefined,
): { department: KpiDepartment; kpi: KpiSummary } | undefined {
  const department = dashboard?.departments.find((candidate) => candidate.departmentId === departmentId);
  const kpi = department?.kpis.find((candidate) => candidate.kpiId === kpiId);
  return department && kpi ? { department, kpi } : undefined;
}

/** Why a department shows no KPIs under the filters: "No off track KPIs in Sales match “churn”." */
export function noMatchText(name: string, status: StatusFilter, search: string): string {
  const which = status === 'all' ? 'KPIs' : `${statusLabels[status].toLowerCase()} KPIs`;
  const text = search.trim();
  return `No ${which} in ${name}${text ? ` match “${text}”` : ''}.`;
}
