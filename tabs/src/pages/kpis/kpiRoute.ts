import { parseHash } from '../../shell/useHashRoute';

/**
 * Which KPI the URL opens. Three ways in, all landing on the same detail panel:
 * - the tab's own link `#/kpis/<departmentId>/<kpiId>` (what selecting a KPI writes);
 * - the bot's alert-card link `#/kpis?department=<departmentId>&kpi=<kpiId>`;
 * - a Teams deep link whose sub-entity id is `kpi:<departmentId>:<kpiId>` (once per page load).
 */
export interface KpiRef {
  departmentId: string;
  kpiId: string;
}

const slug = /^[a-z0-9][a-z0-9-]{1,62}$/;
const ref = (departmentId: string | null | undefined, kpiId: string | null | undefined): KpiRef | undefined =>
  departmentId && kpiId && slug.test(departmentId) && slug.test(kpiId) ? { departmentId, kpiId } : undefined;

/** The KPI a hash names (`#/kpis/dept/kpi` or `#/kpis?department=…&kpi=…`); undefined for the dashboard. */
export function kpiFromHash(hash: string): KpiRef | undefined {
  const { page, rest } = parseHash(hash);
  if (page !== 'kpis') return undefined;
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  return ref(rest[0], rest[1]) ?? ref(query.get('department'), query.get('kpi'));
}

/** The KPI a Teams sub-entity id (`kpi:<departmentId>:<kpiId>`) names. */
export function kpiFromSubPage(subPageId: string | undefined): KpiRef | undefined {
  const [kind, departmentId, kpiId] = (subPageId ?? '').split(':');
  return kind === 'kpi' ? ref(departmentId, kpiId) : undefined;
}

/** The tab's link to one KPI. */
export const kpiHref = ({ departmentId, kpiId }: KpiRef): string =>
  `#/kpis/${encodeURIComponent(departmentId)}/${encodeURIComponent(kpiId)}`;

/** The dashboard. */
export const kpisHref = '#/kpis';
