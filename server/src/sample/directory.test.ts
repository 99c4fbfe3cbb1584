import { productCategories, sampleBudgetLines } from './budget';
import { businessUnits, departments, sampleUsers, stableGuid, stores } from './directory';
import { budgetLineId } from './entities';

describe('sample tenant directory (SPEC §0)', () => {
  it('has 5 BUs with 3 users each, 2 managers and 2 admins', () => {
    expect(businessUnits.map((bu) => bu.name)).toEqual(['Sales North', 'Sales South', 'Marketing', 'Operations', 'Finance']);
    for (const bu of businessUnits) {
      const members = sampleUsers.filter((user) => user.grants.some((g) => g.scopeId === bu.id && g.level !== 'read'));
      expect(members).toHaveLength(3);
    }
    expect(sampleUsers.filter((user) => user.role === 'manager')).toHaveLength(2);
    expect(sampleUsers.filter((user) => user.appRoles.includes('Admin'))).toHaveLength(2);
    expect(sampleUsers).toHaveLength(20);
  });

  it('gives every user a unique, stable object id and UPN', () => {
    expect(new Set(sampleUsers.map((user) => user.oid)).size).toBe(sampleUsers.length);
    expect(new Set(sampleUsers.map((user) => user.upn)).size).toBe(sampleUsers.length);
    expect(stableGuid('a')).toBe(stableGuid('a'));
    expect(stableGuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives each user at most one grant per scope (a transaction may not touch a row twice)', () => {
    for (const user of sampleUsers) expect(new Set(user.grants.map((g) => g.scopeId)).size).toBe(user.grants.length);
  });

  it('has 6 departments and stores with 6-digit ids under sales BUs', () => {
    expect(departments).toHaveLength(6);
    for (const store of stores) {
      expect(store.id).toMatch(/^store-\d{6}$/);
      expect(['sales-north', 'sales-south']).toContain(store.parentId);
    }
  });

  it('plans BU × 6 categories × 5 regions × 4 quarters with unique keys', () => {
    const lines = sampleBudgetLines();
    expect(lines).toHaveLength(5 * 6 * 5 * 4);
    const keys = new Set(
      lines.map((line) => {
        return `${line.planId}|${line.scopeId}/${budgetLineId(line.category, line.region, line.quarter)}`;
      }),
    );
    expect(keys.size).toBe(lines.length);
    expect(lines.every((line) => line.budgetAmount > 0 && line.forecastSales > line.budgetAmount)).toBe(true);
    expect(sampleBudgetLines()).toEqual(lines);
  });

  it('gives each business unit a plan that fits it: its own countries, products or cost lines', () => {
    const lines = sampleBudgetLines();
    const of = (scopeId: string, key: 'category' | 'region') => [...new Set(lines.filter((l) => l.scopeId === scopeId).map((l) => l[key]))];
    // Sales North runs the Nordic stores (Oslo, Stockholm, Copenhagen, Helsinki): it plans Nordic countries.
    expect(of('sales-north', 'region').sort()).toEqual(['Denmark', 'Finland', 'Iceland', 'Norway', 'Sweden']);
    expect(of('sales-south', 'region')).toEqual(expect.arrayContaining(['Spain', 'Portugal', 'Italy', 'Greece']));
    expect(of('sales-north', 'category')).toEqual([...productCategories]);
    // The cost units plan their spending, never product sales.
    for (const bu of ['marketing', 'operations', 'finance'])
      expect(of(bu, 'category').some((category) => (productCategories as readonly string[]).includes(category))).toBe(false);
    expect(of('finance', 'category')).toContain('Audit');
  });
});

describe('sample stores (SPEC §4)', () => {
  it('has the 40 stores of the store master, each under its sales business unit', () => {
    expect(stores).toHaveLength(40);
    expect(new Set(stores.map((store) => store.id)).size).toBe(40);
    expect(stores.filter((store) => store.parentId === 'sales-north')).toHaveLength(20);
  });

  it('has a store leader granted exactly one store', () => {
    const leaders = sampleUsers.filter((user) => user.role === 'store-leader');
    expect(leaders).toHaveLength(1);
    expect(leaders[0]?.grants).toEqual([{ scopeId: 'store-104233', level: 'edit' }]);
    expect(leaders[0]?.appRoles).toEqual([]);
  });
});
