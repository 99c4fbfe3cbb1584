import { parseHash } from '../../shell/useHashRoute';

/**
 * What the URL opens on the Operations page. Ways in:
 * - `#/operations` (overview), `#/operations/categorise`, `#/operations/performance`, `#/operations/workspaces/<id>`,
 *   `#/operations/models/<id>` (what navigating writes);
 * - the bot's "Open history" link `#/operations?workspace=<id>&dataset=<id>` (the model);
 * - a Teams deep link whose sub-entity id is `dataset:<id>` (once per page load).
 */
export type OpsRoute =
  | { view: 'overview' }
  | { view: 'categorise' }
  | { view: 'performance' }
  | { view: 'workspace'; workspaceId: string }
  | { view: 'model'; datasetId: string; workspaceId?: string };

const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const idOf = (value: string | null | undefined): string | undefined => (value && guid.test(value) ? value.toLowerCase() : undefined);

export function opsRouteFromHash(hash: string): OpsRoute {
  const { page, rest } = parseHash(hash);
  if (page !== 'operations') return { view: 'overview' };
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const [section, id] = rest;
  if (section === 'categorise') return { view: 'categorise' };
  if (section === 'performance') return { view: 'performance' };
  if (section === 'workspaces' && idOf(id)) return { view: 'workspace', workspaceId: idOf(id) ?? '' };
  if (section === 'models' && idOf(id)) return { view: 'model', datasetId: idOf(id) ?? '' };
  const dataset = idOf(query.get('dataset'));
  const workspace = idOf(query.get('workspace'));
  if (dataset) return { view: 'model', datasetId: dataset, ...(workspace ? { workspaceId: workspace } : {}) };
  if (workspace) return { view: 'workspace', workspaceId: workspace };
  return { view: 'overview' };
}

/** The model a Teams sub-entity id (`dataset:<id>`) names. */
export function opsRouteFromSubPage(subPageId: string | undefined): OpsRoute | undefined {
  const [kind, id] = (subPageId ?? '').split(':');
  const datasetId = kind === 'dataset' ? idOf(id) : undefined;
  return datasetId ? { view: 'model', datasetId } : undefined;
}

export function opsHref(route: OpsRoute): string {
  switch (route.view) {
    case 'overview':
      return '#/operations';
    case 'categorise':
      return '#/operations/categorise';
    case 'performance':
      return '#/operations/performance';
    case 'workspace':
      return `#/operations/workspaces/${route.workspaceId}`;
    case 'model':
      return `#/operations/models/${route.datasetId}`;
  }
}
