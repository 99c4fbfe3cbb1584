import { createHash } from 'node:crypto';
import { grantLevels, type GrantLevel, type Scope } from '@planboard/contracts';
import { storeScopeId } from '../stores/tables';
import { storeScopes } from './stores';

/** The sample tenant: a fictitious Contoso directory used locally and in tests. */
export const sampleTenantId = '7d3c0b9e-2f4a-4c61-9b8e-5a1f0c2d3e4b';
export const sampleDomain = 'contoso.onmicrosoft.com';

/** `store-leader`: runs one store and is granted that store only (SPEC §4). */
export type SampleRole = 'leader' | 'contributor' | 'manager' | 'admin' | 'store-leader';

export interface SampleUser {
  oid: string;
  tid: string;
  name: string;
  upn: string;
  role: SampleRole;
  appRoles: 'Admin'[];
  grants: { scopeId: string; level: GrantLevel }[];
}

/** A stable GUID derived from a name, so the sample directory is the same on every machine. */
export function stableGuid(seed: string): string {
  const hex = createHash('sha1').update(`planboard:${seed}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const businessUnits: Scope[] = [
  { id: 'sales-north', type: 'businessUnit', name: 'Sales North' },
  { id: 'sales-south', type: 'businessUnit', name: 'Sales South' },
  { id: 'marketing', type: 'businessUnit', name: 'Marketing' },
  { id: 'operations', type: 'businessUnit', name: 'Operations' },
  { id: 'finance', type: 'businessUnit', name: 'Finance' },
];

export const departments: Scope[] = ['Sales', 'Marketing', 'Operations', 'Finance', 'Human Resources', 'IT'].map((name) => ({
  id: `dept-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`,
  type: 'department',
  name,
}));

/** Stores carry 6-digit ids (seed 003) and belong to a sales business unit: the 40 of the store master. */
export const stores: Scope[] = storeScopes;

const buPeople: Record<string, [string, string, string]> = {
  'sales-north': ['Nora Lindqvist', 'Erik Hansen', 'Maja Berg'],
  'sales-south': ['Sofia Rossi', 'Diego Martin', 'Lucia Gomez'],
  marketing: ['Maya Patel', 'Liam OBrien', 'Chloe Dubois'],
  operations: ['Omar Haddad', 'Grace Kim', 'Tomas Silva'],
  finance: ['Fiona Walsh', 'Kenji Sato', 'Amara Okafor'],
};

const departmentOf: Record<string, string> = {
  'sales-north': 'dept-sales',
  'sales-south': 'dept-sales',
  marketing: 'dept-marketing',
  operations: 'dept-operations',
  finance: 'dept-finance',
};

/** One grant per scope: where two BUs share a department, the stronger level wins. */
function strongestPerScope(grants: SampleUser['grants']): SampleUser['grants'] {
  const byScope = new Map<string, GrantLevel>();
  for (const { scopeId, level } of grants) {
    const current = byScope.get(scopeId);
    if (!current || grantLevels.indexOf(level) > grantLevels.indexOf(current)) byScope.set(scopeId, level);
  }
  return [...byScope].map(([scopeId, level]) => ({ scopeId, level }));
}

function person(name: string, role: SampleRole, grants: SampleUser['grants']): SampleUser {
  const upn = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${sampleDomain}`;
  return {
    oid: stableGuid(upn),
    tid: sampleTenantId,
    name,
    upn,
    role,
    appRoles: role === 'admin' ? ['Admin'] : [],
    grants: strongestPerScope(grants),
  };
}

function buGrants(buId: string, level: GrantLevel): SampleUser['grants'] {
  const storeGrants = stores.filter((store) => store.parentId === buId).map((store) => ({ scopeId: store.id, level }));
  return [{ scopeId: buId, level }, { scopeId: departmentOf[buId] ?? 'dept-sales', level }, ...storeGrants];
}

/** 15 BU users (a leader with approve rights and two contributors per BU), 2 managers, 2 admins, 1 store leader. */
export const sampleUsers: SampleUser[] = [
  ...Object.entries(buPeople).flatMap(([buId, [leader, ...contributors]]) => [
    person(leader, 'leader', buGrants(buId, 'approve')),
    ...contributors.map((name) => person(name, 'contributor', buGrants(buId, 'edit'))),
  ]),
  person('Morgan Lee', 'manager', [
    ...buGrants('sales-north', 'read'),
    ...buGrants('sales-south', 'read'),
    ...buGrants('marketing', 'read'),
  ]),
  person('Henrik Vogel', 'manager', [...buGrants('operations', 'read'), ...buGrants('finance', 'read')]),
  person('Alex Morgan', 'admin', []),
  person('Priya Raman', 'admin', []),
  // The manager of Oslo Central in the store master, so the UPN matches Dataverse's manager e-mail.
  person('Ingrid Solberg', 'store-leader', [{ scopeId: storeScopeId('104233'), level: 'edit' }]),
];

export const allScopes: Scope[] = [...businessUnits, ...departments, ...stores];
