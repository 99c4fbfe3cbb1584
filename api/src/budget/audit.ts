import type { AuditEntry } from '@planboard/contracts';
import type { HistoryEntry } from '@planboard/server';

function toAudit(entry: HistoryEntry): AuditEntry {
  return { lineId: entry.l ?? null, field: entry.f, old: entry.o, new: entry.n, by: entry.by, at: entry.at, action: entry.a, rev: entry.r };
}

/** Audit entries of lines (optionally of one line) and plan-level events, newest first. */
export function auditTrail(lineEntries: readonly HistoryEntry[], planEvents: readonly HistoryEntry[] = [], lineId?: string): AuditEntry[] {
  const entries: AuditEntry[] = planEvents.map((entry) => toAudit({ ...entry, l: undefined }));
  for (const entry of lineEntries) if (!lineId || entry.l === lineId) entries.push(toAudit(entry));
  return entries.sort((a, b) => (a.at === b.at ? b.rev - a.rev : a.at < b.at ? 1 : -1));
}
