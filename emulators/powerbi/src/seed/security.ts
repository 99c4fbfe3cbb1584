import { allScopes, grantEntity, sampleTenantId, sampleUsers, scopeEntity, userEntity } from '@planboard/server';
import type { ModelRole, ModelTable, Principal } from '../model/types';
import { scopeRows, securityRows } from '../refresh/import';
import { rlsRoles } from './sample-ids';

/** Everyone in the sample tenant (see principalMatches: a Group named by the tenant id). */
export const everyone: Principal = { identifier: sampleTenantId, principalType: 'Group' };

/** The sample admins, members of AllData. */
export const sampleAdmins = sampleUsers.filter((user) => user.role === 'admin').map((user) => user.upn.toLowerCase());

const scopeEntities = allScopes.map(scopeEntity);

/**
 * The `Security` table (UPN → granted scope), bound to the app's `grants`/`users`/`scopes` tables.
 * Its initial rows come from the sample tenant, exactly as a refresh would import them.
 */
export function securityTable(): ModelTable {
  const grants = sampleUsers.flatMap((user) =>
    user.grants.map((grant) => grantEntity(user, grant.scopeId, grant.level, 'sample-tenant-seed', new Date(0))),
  );
  return {
    name: 'Security',
    isHidden: true,
    binding: 'securityGrants',
    columns: [
      { name: 'UPN', dataType: 'String' },
      { name: 'ScopeId', dataType: 'String' },
      { name: 'ScopeType', dataType: 'String' },
      { name: 'Level', dataType: 'String' },
    ],
    rows: securityRows(sampleUsers.map(userEntity), grants, scopeEntities),
  };
}

/** `BusinessUnit` dimension, bound to the `scopes` table. */
export function businessUnitTable(): ModelTable {
  return {
    name: 'BusinessUnit',
    binding: 'businessUnits',
    columns: [
      { name: 'ScopeId', dataType: 'String' },
      { name: 'Name', dataType: 'String' },
    ],
    rows: scopeRows(scopeEntities, 'businessUnits'),
  };
}

/** `Department` dimension, bound to the `scopes` table. */
export function departmentTable(): ModelTable {
  return {
    name: 'Department',
    binding: 'departments',
    columns: [
      { name: 'ScopeId', dataType: 'String' },
      { name: 'Name', dataType: 'String' },
    ],
    rows: scopeRows(scopeEntities, 'departments'),
  };
}

/** `Store` dimension, bound to the `scopes` table. */
export function storeTable(): ModelTable {
  return {
    name: 'Store',
    binding: 'stores',
    columns: [
      { name: 'StoreId', dataType: 'String' },
      { name: 'StoreNumber', dataType: 'String' },
      { name: 'Name', dataType: 'String' },
      { name: 'BusinessUnit', dataType: 'String' },
    ],
    rows: scopeRows(scopeEntities, 'stores'),
  };
}

const mine = "'Security'[UPN] = USERPRINCIPALNAME()";

const allData = (): ModelRole => ({
  name: rlsRoles.all,
  tablePermissions: [],
  members: sampleAdmins.map((upn) => ({ identifier: upn, principalType: 'User' as const })),
});

/**
 * One dynamic role per scope type (filtering `Security` to the caller's grants of that type; the
 * filter reaches the facts through the dimension related to `Security`), and AllData, unfiltered.
 * A role of another scope type than the dimension's leaves no dimension row, so shows nothing.
 */
function scopedRoles(): ModelRole[] {
  const scoped = (name: string, type: string): ModelRole => ({
    name,
    tablePermissions: [{ table: 'Security', filterExpression: `${mine} && 'Security'[ScopeType] = "${type}"` }],
    members: [everyone],
  });
  return [
    scoped(rlsRoles.businessUnit, 'businessUnit'),
    scoped(rlsRoles.store, 'store'),
    scoped(rlsRoles.department, 'department'),
    allData(),
  ];
}

/** Roles of the budget dataset: {@link scopedRoles} through BusinessUnit, and SalesNorthOnly, a static example. */
export function budgetRoles(): ModelRole[] {
  return [
    ...scopedRoles(),
    {
      name: rlsRoles.staticSalesNorth,
      tablePermissions: [{ table: 'BusinessUnit', filterExpression: `'BusinessUnit'[ScopeId] = "sales-north"` }],
      members: [],
    },
  ];
}

/** Roles of the KPI model: {@link scopedRoles}, reaching `KpiPoints` through `Department`. */
export function kpiRoles(): ModelRole[] {
  return scopedRoles();
}

/** Roles of the store dataset: stores granted directly, or stores of a granted business unit (IN a lookup of Security). */
export function storeRoles(): ModelRole[] {
  const granted = `CALCULATETABLE(VALUES('Security'[ScopeId]), ${mine})`;
  const ownGrants = { table: 'Security', filterExpression: mine };
  return [
    {
      name: rlsRoles.store,
      tablePermissions: [{ table: 'Store', filterExpression: `'Store'[StoreId] IN ${granted}` }, ownGrants],
      members: [everyone],
    },
    {
      name: rlsRoles.businessUnit,
      tablePermissions: [{ table: 'Store', filterExpression: `'Store'[BusinessUnit] IN ${granted}` }, ownGrants],
      members: [everyone],
    },
    { name: rlsRoles.department, tablePermissions: [{ table: 'Store', filterExpression: 'FALSE()' }, ownGrants], members: [everyone] },
    allData(),
  ];
}
