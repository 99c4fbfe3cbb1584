import { sampleUsers } from '@planboard/server';
import { runQuery } from '../dax';
import { rlsRoles } from '../seed/sample-ids';
import { budgetModel, kpiModel, storeModel } from '../seed/models';
import type { SemanticModel } from '../model/types';
import { checkRoleFilters, visibleRows, type EffectiveAccess } from './rls';

const user = (name: string) => sampleUsers.find((candidate) => candidate.name === name)?.upn as string;

function distinct(model: SemanticModel, access: EffectiveAccess, table: string, column: string): string[] {
  const rows = visibleRows(model, access).get(table.toLowerCase()) ?? [];
  return [...new Set(rows.map((row) => String(row[column])))].sort();
}

const roles = (model: SemanticModel, ...names: string[]) => model.roles.filter((role) => names.includes(role.name));

describe('row-level security', () => {
  const budget = budgetModel();
  const stores = storeModel();

  it('role filters of the seeded models parse', () => {
    expect(() => checkRoleFilters(budget)).not.toThrow();
    expect(() => checkRoleFilters(stores)).not.toThrow();
  });

  it('dynamic BU role: the Security rows of USERPRINCIPALNAME() reach Budget and Actuals through BusinessUnit', () => {
    const access: EffectiveAccess = { kind: 'roles', username: user('Nora Lindqvist'), roles: roles(budget, rlsRoles.businessUnit) };
    expect(distinct(budget, access, 'Budget', 'BusinessUnit')).toEqual(['sales-north']);
    expect(distinct(budget, access, 'Actuals', 'BusinessUnit')).toEqual(['sales-north']);
    expect(distinct(budget, access, 'Security', 'UPN')).toEqual([user('Nora Lindqvist')]);
  });

  it('several roles combine as a union; a manager with three BUs sees three', () => {
    const access: EffectiveAccess = {
      kind: 'roles',
      username: user('Morgan Lee'),
      roles: roles(budget, rlsRoles.businessUnit, rlsRoles.store, rlsRoles.department),
    };
    expect(distinct(budget, access, 'Budget', 'BusinessUnit')).toEqual(['marketing', 'sales-north', 'sales-south']);
  });

  it('store and department roles alone show no budget rows; AllData shows all', () => {
    const storeOnly: EffectiveAccess = { kind: 'roles', username: user('Nora Lindqvist'), roles: roles(budget, rlsRoles.store) };
    expect(distinct(budget, storeOnly, 'Budget', 'BusinessUnit')).toEqual([]);
    const all: EffectiveAccess = { kind: 'roles', username: 'anyone@contoso.com', roles: roles(budget, rlsRoles.all) };
    expect(distinct(budget, all, 'Budget', 'BusinessUnit')).toHaveLength(5);
  });

  it('static role ignores the user name', () => {
    const access: EffectiveAccess = { kind: 'roles', username: 'nobody@contoso.com', roles: roles(budget, rlsRoles.staticSalesNorth) };
    expect(distinct(budget, access, 'Budget', 'BusinessUnit')).toEqual(['sales-north']);
  });

  it('store roles use IN CALCULATETABLE(VALUES(Security…)) and reach Sales through Store', () => {
    const access: EffectiveAccess = { kind: 'roles', username: user('Sofia Rossi'), roles: roles(stores, rlsRoles.businessUnit) };
    expect(distinct(stores, access, 'Store', 'BusinessUnit')).toEqual(['sales-south']);
    const visible = visibleRows(stores, access);
    const result = runQuery(
      `EVALUATE SUMMARIZECOLUMNS('Sales'[StoreId], "Total", SUM('Sales'[Amount]))`,
      { tables: stores.tables, relationships: stores.relationships, visible },
      user('Sofia Rossi'),
    );
    expect(result.table.rows).toHaveLength(4);
    const department: EffectiveAccess = { kind: 'roles', username: user('Sofia Rossi'), roles: roles(stores, rlsRoles.department) };
    expect(distinct(stores, department, 'Sales', 'StoreId')).toEqual([]);
  });

  it('a user without grants sees nothing under the dynamic roles', () => {
    const access: EffectiveAccess = {
      kind: 'roles',
      username: 'stranger@contoso.com',
      roles: roles(budget, rlsRoles.businessUnit, rlsRoles.store, rlsRoles.department),
    };
    expect(distinct(budget, access, 'Budget', 'BusinessUnit')).toEqual([]);
  });

  it('KPI model: department roles show the caller’s departments only; other roles alone show none; AllData all', () => {
    const kpi = kpiModel();
    expect(() => checkRoleFilters(kpi)).not.toThrow();
    const every = [rlsRoles.businessUnit, rlsRoles.store, rlsRoles.department];
    const nora: EffectiveAccess = { kind: 'roles', username: user('Nora Lindqvist'), roles: roles(kpi, ...every) };
    expect(distinct(kpi, nora, 'KpiPoints', 'Department')).toEqual(['dept-sales']);
    expect(distinct(kpi, nora, 'Department', 'ScopeId')).toEqual(['dept-sales']);
    const henrik: EffectiveAccess = { kind: 'roles', username: user('Henrik Vogel'), roles: roles(kpi, ...every) };
    expect(distinct(kpi, henrik, 'KpiPoints', 'Department')).toEqual(['dept-finance', 'dept-operations']);
    const buOnly: EffectiveAccess = { kind: 'roles', username: user('Nora Lindqvist'), roles: roles(kpi, rlsRoles.businessUnit) };
    expect(distinct(kpi, buOnly, 'KpiPoints', 'Department')).toEqual([]);
    const all: EffectiveAccess = { kind: 'roles', username: 'anyone@contoso.com', roles: roles(kpi, rlsRoles.all) };
    expect(distinct(kpi, all, 'KpiPoints', 'Department')).toHaveLength(6);
  });
});
