import type { GrantLevel, Scope } from '@planboard/contracts';
import { newPlanBlocks } from '../budget/blocks';
import { planPartitionKey } from '../budget/line-entity';
import type { SampleBudgetLine } from './budget';
import type { SampleUser } from './directory';

/** Lower-case slug of a display value, used inside row keys and line ids. */
export function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Scopes live in one small partition: the whole directory of scopes is one query. */
export function scopeEntity(scope: Scope) {
  return { partitionKey: 'scope', rowKey: scope.id, type: scope.type, name: scope.name, parentId: scope.parentId ?? '' };
}

/** Users are keyed by tenant + object id (a UPN can change, these cannot). */
export function userEntity(user: SampleUser) {
  return { partitionKey: user.tid, rowKey: user.oid, name: user.name, upn: user.upn, appRoles: user.appRoles.join(',') };
}

/**
 * A user's grants share a partition with the audit of changes to them, so "what may this caller
 * see" is one partition query and a grant change commits together with its audit entry.
 */
export function grantEntity(user: Pick<SampleUser, 'tid' | 'oid'>, scopeId: string, level: GrantLevel, grantedBy: string, grantedAt: Date) {
  return { partitionKey: `${user.tid}|${user.oid}`, rowKey: `grant|${scopeId}`, scopeId, level, grantedBy, grantedAt };
}

/** The id of a budget line within its plan and BU, e.g. `coffee.norway.q1`. */
export function budgetLineId(category: string, region: string, quarter: string): string {
  return `${slug(category)}.${slug(region)}.${slug(quarter)}`;
}

/** Budget lines of one plan and BU share a partition (stored in blocks) so a save is one partition's transactions. */
export function budgetBlockEntities(lines: readonly SampleBudgetLine[]) {
  const partitions = new Map<string, SampleBudgetLine[]>();
  for (const line of lines) {
    const key = planPartitionKey(line.planId, line.scopeId);
    partitions.set(key, [...(partitions.get(key) ?? []), line]);
  }
  return [...partitions].flatMap(([partitionKey, group]) =>
    newPlanBlocks(
      partitionKey,
      group.map(({ category, region, quarter, budgetAmount, forecastSales, comments }) => ({
        lineId: budgetLineId(category, region, quarter),
        category,
        region,
        quarter,
        budgetAmount,
        forecastSales,
        comments,
        rev: 0,
        changes: {},
      })),
    ),
  );
}
