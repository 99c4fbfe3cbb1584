import type { EffectiveScope, StoreMasterEntity } from '@planboard/server';
import { callerStores } from './stores';

const master = new Map<string, StoreMasterEntity>([
  [
    '104233',
    {
      partitionKey: 'store',
      rowKey: '104233',
      storeNumber: '104233',
      name: 'Oslo Central',
      location: 'Oslo, Norway',
      region: 'Nordics',
      businessUnit: 'sales-north',
      manager: 'Ingrid Solberg',
      managerEmail: 'ingrid.solberg@contoso.onmicrosoft.com',
      active: true,
      syncedAt: '2026-10-01T08:00:00.000Z',
    },
  ],
]);

describe('callerStores', () => {
  it('lists only the store scopes among the caller’s scopes, by name, with master data where there is some', () => {
    const scopes: EffectiveScope[] = [
      { id: 'sales-north', type: 'businessUnit', name: 'Sales North', level: 'read' },
      { id: 'store-104871', type: 'store', name: 'Stockholm Kungsgatan', parentId: 'sales-north', level: 'read' },
      { id: 'store-104233', type: 'store', name: 'Oslo (scope name)', parentId: 'sales-north', level: 'read' },
      { id: 'dept-sales', type: 'department', name: 'Sales', level: 'read' },
    ];
    expect(callerStores(scopes, master)).toEqual([
      {
        storeId: '104233',
        scopeId: 'store-104233',
        name: 'Oslo Central',
        location: 'Oslo, Norway',
        region: 'Nordics',
        businessUnit: 'Sales North',
        manager: 'Ingrid Solberg',
        active: true,
      },
      {
        storeId: '104871',
        scopeId: 'store-104871',
        name: 'Stockholm Kungsgatan',
        location: null,
        region: null,
        businessUnit: 'Sales North',
        manager: null,
        active: true,
      },
    ]);
  });

  it('does not name a business unit the caller cannot read, and has nothing for a caller without stores', () => {
    const leader: EffectiveScope[] = [{ id: 'store-104233', type: 'store', name: 'Oslo', level: 'edit' }];
    expect(callerStores(leader, master).map((store) => [store.storeId, store.businessUnit])).toEqual([['104233', null]]);
    expect(callerStores([{ id: 'marketing', type: 'businessUnit', name: 'Marketing', level: 'approve' }], master)).toEqual([]);
  });
});
