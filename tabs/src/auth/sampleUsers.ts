import { isLocalAuthority } from './oidc';

/** A user of the local provider's sample directory (`/_emulator/config`). */
export interface SampleUser {
  oid: string;
  name: string;
  upn: string;
  /** leader | contributor | manager | admin */
  role?: string;
  /** The business units (or stores) the account works for, in words (Entra's `department`). */
  department?: string;
  appRoles: string[];
}

/** How the sign-in screen groups the sample accounts. */
export const roleGroups: { role: string; title: string }[] = [
  { role: 'admin', title: 'Admins' },
  { role: 'manager', title: 'Managers' },
  { role: 'leader', title: 'Business unit leaders' },
  { role: 'contributor', title: 'Contributors' },
  { role: 'store-leader', title: 'Store leaders' },
];

function parseUser(value: unknown): SampleUser | null {
  if (!value || typeof value !== 'object') return null;
  const u = value as Record<string, unknown>;
  if (typeof u.oid !== 'string' || typeof u.name !== 'string' || typeof u.upn !== 'string') return null;
  const role = typeof u.description === 'string' ? u.description : typeof u.role === 'string' ? u.role : undefined;
  const appRoles = Array.isArray(u.appRoles) ? u.appRoles.filter((r): r is string => typeof r === 'string') : [];
  const department = typeof u.department === 'string' && u.department ? u.department : undefined;
  return { oid: u.oid, name: u.name, upn: u.upn, role, ...(department ? { department } : {}), appRoles };
}

/**
 * The local identity provider publishes its sample users at `<authority origin>/_emulator/config`.
 * Only asked of a local (loopback) authority, so production never probes Microsoft Entra ID.
 * Resolves null when there is no such list (then the sign-in screen offers one button).
 */
export async function fetchSampleUsers(authority: string, fetchImpl: typeof fetch = fetch): Promise<SampleUser[] | null> {
  if (!isLocalAuthority(authority)) return null;
  try {
    const res = await fetchImpl(`${new URL(authority).origin}/_emulator/config`, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) return null;
    const body = (await res.json()) as { users?: unknown };
    const users = (Array.isArray(body.users) ? body.users : []).map(parseUser).filter((u): u is SampleUser => u !== null);
    return users.length ? users : null;
  } catch {
    return null;
  }
}
