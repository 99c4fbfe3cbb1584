import { invalidRequest } from '../http/errors';
import { workspaceRole } from '../model/access';
import type { WorkspaceState } from '../model/types';
import { capacityView, groupView, odataContext } from '../model/views';
import { ok, principal, type Handler } from './context';

type Condition = (workspace: WorkspaceState) => boolean;

/** One `$filter` term: `name eq '…'`, `id eq '…'` or `contains(name,'…')`. */
function term(text: string): Condition {
  const unquote = (value: string): string => value.replace(/''/g, "'");
  const equals = /^(name|id)\s+eq\s+'((?:[^']|'')*)'$/i.exec(text);
  if (equals) {
    const field = (equals[1] ?? '').toLowerCase() as 'name' | 'id';
    const value = unquote(equals[2] ?? '').toLowerCase();
    return (workspace) => workspace[field].toLowerCase() === value;
  }
  const contains = /^contains\(\s*name\s*,\s*'((?:[^']|'')*)'\s*\)$/i.exec(text);
  if (contains) {
    const value = unquote(contains[1] ?? '').toLowerCase();
    return (workspace) => workspace.name.toLowerCase().includes(value);
  }
  throw invalidRequest(`The $filter expression '${text}' is not supported by the emulator`);
}

/** `$filter` of GET groups: terms joined by `or` / `and` (no parentheses), as the documented examples use. */
function parseFilter(filter: string): Condition {
  const alternatives = filter.split(/\s+or\s+/i).map((part) => part.split(/\s+and\s+/i).map((item) => term(item.trim())));
  return (workspace) => alternatives.some((all) => all.every((condition) => condition(workspace)));
}

function count(value: string | null, name: string): number | undefined {
  if (value === null) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw invalidRequest(`${name} must be a non-negative integer`);
  return parsed;
}

/** GET /groups: the workspaces the caller is a member of. */
export const getGroups: Handler = (context) => {
  const caller = principal(context);
  const filter = context.query.get('$filter');
  const condition = filter ? parseFilter(filter) : () => true;
  const skip = count(context.query.get('$skip'), '$skip') ?? 0;
  const top = count(context.query.get('$top'), '$top');
  const visible = [...context.services.state.workspaces.values()].filter(
    (workspace) => !workspace.personalOf && workspaceRole(workspace, caller) && condition(workspace),
  );
  const page = visible.slice(skip, top === undefined ? undefined : skip + top);
  return ok({ '@odata.context': odataContext(context.links, 'groups'), value: page.map(groupView) });
};

/** GET /capacities. */
export const getCapacities: Handler = (context) => {
  const caller = principal(context);
  const value = [...context.services.state.capacities.values()].map((capacity) => capacityView(capacity, caller));
  return ok({ '@odata.context': odataContext(context.links, 'capacities'), value });
};
