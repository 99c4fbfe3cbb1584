import type { ScopeType } from '@planboard/contracts';
import type { Access } from '../access/guard';
import { reportSettings, type ReportSettings } from './settings';

/** One embeddable report and the kind of scope its dataset's row-level security filters by. */
export interface CatalogEntry {
  key: 'budget' | 'stores' | 'kpi';
  workspaceId: string;
  reportId: string;
  scopeType: ScopeType;
  description: string;
}

/**
 * The reports Planboard embeds, from settings: the budget report is filtered by business unit,
 * store sales by store, the KPI dashboard by department. Which reports exist is configuration,
 * not data, so every instance computes the same list (nothing to share for scale-out).
 */
export function reportCatalog(settings: ReportSettings = reportSettings()): CatalogEntry[] {
  return [
    {
      key: 'budget',
      workspaceId: settings.REPORT_BUDGET_WORKSPACE_ID,
      reportId: settings.REPORT_BUDGET_ID,
      scopeType: 'businessUnit',
      description: 'Budget and forecast by business unit and category, with last year’s actuals.',
    },
    {
      key: 'stores',
      workspaceId: settings.REPORT_STORES_WORKSPACE_ID,
      reportId: settings.REPORT_STORES_ID,
      scopeType: 'store',
      description: 'Daily sales of the stores you can see, by store and category.',
    },
    {
      key: 'kpi',
      workspaceId: settings.REPORT_KPI_WORKSPACE_ID,
      reportId: settings.REPORT_KPI_ID,
      scopeType: 'department',
      description: 'KPI values against targets for your departments.',
    },
  ];
}

/** The catalog entry of a report id (GUIDs compare case-insensitively). */
export function catalogEntry(reportId: string, catalog = reportCatalog()): CatalogEntry | undefined {
  return catalog.find((entry) => entry.reportId.toLowerCase() === reportId.toLowerCase());
}

/**
 * Whether the caller may open a report: admins always; others when they hold read on at least
 * one scope of the kind the report is filtered by. What they then see is narrowed further by the
 * dataset's RLS, which applies the same grants row by row.
 */
export function canOpen(access: Access, entry: CatalogEntry): boolean {
  return access.caller.isAdmin || access.scopeIds('read', entry.scopeType).length > 0;
}

/** Words for a refusal: which kind of access the report needs. */
export function missingAccessMessage(entry: CatalogEntry): string {
  const what: Record<ScopeType, string> = { businessUnit: 'a business unit', store: 'a store', department: 'a department' };
  return `This report shows data by ${entry.scopeType === 'businessUnit' ? 'business unit' : entry.scopeType}, and you don't have access to ${what[entry.scopeType]}. Ask a Planboard admin for access.`;
}
