import { accessAuditSchema, accessUsersSchema, grantedScopeSchema, type GrantedScope, type GrantLevel } from '@planboard/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const accessKeys = {
  all: ['access'] as const,
  users: ['access', 'users'] as const,
  scopes: ['access', 'scopes'] as const,
  audit: (oid: string) => ['access', 'audit', oid] as const,
};

const parseScopes = (data: unknown): GrantedScope[] => {
  const scopes = (data as { scopes?: unknown } | null)?.scopes;
  if (!Array.isArray(scopes)) throw new Error('Expected { scopes: [] }');
  return scopes.map((scope) => grantedScopeSchema.parse(scope));
};

/** `GET /api/access/users`: everyone, with the grants on scopes the caller administers. */
export function useAccessUsers() {
  return useQuery({
    queryKey: accessKeys.users,
    queryFn: ({ signal }) => api.get('/access/users', { signal, parse: (data) => accessUsersSchema.parse(data).users }),
  });
}

/** `GET /api/access/scopes`: the scopes the caller can see, with their level (admins: all). */
export function useAccessScopes() {
  return useQuery({ queryKey: accessKeys.scopes, queryFn: ({ signal }) => api.get('/access/scopes', { signal, parse: parseScopes }) });
}

/** `GET /api/access/users/{oid}/audit`, newest first. */
export function useAccessAudit(oid: string | undefined) {
  return useQuery({
    queryKey: accessKeys.audit(oid ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/access/users/${encodeURIComponent(oid ?? '')}/audit`, { signal, parse: (data) => accessAuditSchema.parse(data).entries }),
    enabled: !!oid,
  });
}

export interface GrantChange {
  oid: string;
  scopeId: string;
  /** null revokes. */
  level: GrantLevel | null;
}

/** PUT (grant / change level) or DELETE (revoke) a grant; refreshes users, audits and /api/me afterwards. */
export function useGrantMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ oid, scopeId, level }: GrantChange) => {
      const path = `/access/users/${encodeURIComponent(oid)}/grants/${encodeURIComponent(scopeId)}`;
      return level ? api.put(path, { level }) : api.delete(path);
    },
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: accessKeys.all }), queryClient.invalidateQueries({ queryKey: ['me'] })]),
  });
}

const typeOrder = { businessUnit: 0, department: 1, store: 2 } as const;

/** Business units, then departments, then stores; by name within each. */
export function byScopeOrder<T extends { scopeId: string }>(items: readonly T[], scopes: ReadonlyMap<string, GrantedScope>): T[] {
  const key = (id: string) => {
    const scope = scopes.get(id);
    return [scope ? typeOrder[scope.type] : 3, scope?.name ?? id] as const;
  };
  return [...items].sort((a, b) => {
    const [ta, na] = key(a.scopeId);
    const [tb, nb] = key(b.scopeId);
    return ta - tb || na.localeCompare(nb);
  });
}
