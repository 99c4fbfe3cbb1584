import { suggestedModules } from '@planboard/contracts';
import { environmentOf } from '@planboard/server';
import type { AssignedCategory } from './category-store';

/**
 * The module a workspace name suggests: a known module named in it (`Planboard Budget (Prod)` →
 * Budget), else the name without its environment suffix; `Unassigned` when nothing is left.
 */
export function moduleOf(workspaceName: string): string {
  const words = workspaceName.toLowerCase();
  const known = suggestedModules.find((module) => new RegExp(`\\b${module.toLowerCase()}\\b`).test(words));
  if (known) return known;
  const stripped = workspaceName
    .replace(/\([^()]*\)\s*$/, '')
    .replace(/[-–]\s*(dev|development|test|uat|qa|staging|prod|production)\s*$/i, '')
    .trim();
  return stripped.length > 0 && stripped.length <= 40 ? stripped : 'Unassigned';
}

/** A workspace's category: what an admin assigned, else the guess from its name. */
export function categoryOf(
  workspaceName: string,
  assigned: AssignedCategory | undefined,
): { environment: string; module: string; categorySource: 'assigned' | 'guessed' } {
  return {
    environment: assigned?.environment ?? environmentOf(workspaceName),
    module: assigned?.module ?? moduleOf(workspaceName),
    categorySource: assigned?.environment !== undefined || assigned?.module !== undefined ? 'assigned' : 'guessed',
  };
}
