import type { Caller } from '@planboard/server';
import { powerBiIdentity } from './effective-identity';
import { Access } from './guard';

const caller: Caller = {
  tid: 't',
  oid: 'o',
  upn: 'nora@contoso.test',
  name: 'N',
  appRoles: [],
  isAdmin: false,
  tokenVersion: '2.0',
  token: '',
};

describe('Power BI effective identity', () => {
  it('uses the UPN and one role per kind of scope granted', () => {
    const access = new Access(caller, [
      { id: 'sales-north', type: 'businessUnit', name: 'SN', level: 'edit' },
      { id: 'store-104233', type: 'store', name: 'Oslo', level: 'edit', parentId: 'sales-north' },
    ]);
    expect(powerBiIdentity(access, ['ds1'])).toEqual({
      username: 'nora@contoso.test',
      roles: ['BusinessUnitScope', 'StoreScope'],
      datasets: ['ds1'],
    });
  });

  it('gives admins the unfiltered role', () => {
    const access = new Access({ ...caller, isAdmin: true, appRoles: ['Admin'] }, []);
    expect(powerBiIdentity(access, ['ds1']).roles).toEqual(['AllData']);
  });

  it('gives a user without grants no roles (Power BI then shows nothing)', () => {
    expect(powerBiIdentity(new Access(caller, []), []).roles).toEqual([]);
  });
});
