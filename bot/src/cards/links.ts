/** Where card buttons lead: the tab inside Teams (deep link) when the Teams app id is known, else the tab URL. */
export interface LinkSettings {
  TAB_ENDPOINT: string;
  TEAMS_APP_ID: string;
}

function tabLink(settings: LinkSettings, entityId: string, route: string, subEntityId: string): string {
  const webUrl = `${settings.TAB_ENDPOINT.replace(/\/$/, '')}/index.html#${route}`;
  if (!settings.TEAMS_APP_ID) return webUrl;
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(settings.TEAMS_APP_ID)}/${entityId}?webUrl=${encodeURIComponent(webUrl)}&context=${context}`;
}

/** The Operations page on a dataset's refresh history. */
export function historyUrl(settings: LinkSettings, workspaceId: string, datasetId: string): string {
  const query = `workspace=${encodeURIComponent(workspaceId)}&dataset=${encodeURIComponent(datasetId)}`;
  return tabLink(settings, 'operations', `/operations?${query}`, `dataset:${datasetId}`);
}

/** The Budget page on one business unit's plan. */
export function budgetUrl(settings: LinkSettings, planId: string, scopeId: string): string {
  const query = `plan=${encodeURIComponent(planId)}&scope=${encodeURIComponent(scopeId)}`;
  return tabLink(settings, 'budget', `/budget?${query}`, `plan:${planId}:${scopeId}`);
}

/**
 * The KPIs page on one department's KPI. The query names the KPI the way the Budget link names a
 * plan, so the page can open on it; the route alone (`#/kpis`) still lands on the dashboard.
 */
export function kpisUrl(settings: LinkSettings, departmentId: string, kpiId: string): string {
  const query = `department=${encodeURIComponent(departmentId)}&kpi=${encodeURIComponent(kpiId)}`;
  return tabLink(settings, 'kpis', `/kpis?${query}`, `kpi:${departmentId}:${kpiId}`);
}

/** The Training page on one day (`#/training?day=5`); Teams deep links carry it as `day:5`. */
export function trainingDayUrl(settings: LinkSettings, dayNumber: number): string {
  return tabLink(settings, 'training', `/training?day=${encodeURIComponent(String(dayNumber))}`, `day:${dayNumber}`);
}

/** The Data page on one pipeline run (admins; the page lives beside Operations in the tab). */
export function dataRunUrl(settings: LinkSettings, runId: string): string {
  return tabLink(settings, 'operations', `/data?run=${encodeURIComponent(runId)}`, `run:${runId}`);
}
