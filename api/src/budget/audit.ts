import type { AuditEntry } from '@planboard/contracts';
import type { HistoryEntry, StoredLine } from './line-entity';

function toAudit(lineId: string | null, entry: HistoryEntry): AuditEntry {
  return { lineId, field: entry.f, old: entry.o, new: entry.n, by: entry.by, at: entry.at, action: entry.a, rev: entry.r };
}

/** Every audit entry of the given lines (inline and archived) and plan-level events, newest first. */
export function auditTrail(
  lines: Iterable<StoredLine>,
  archived: ReadonlyMap<string, HistoryEntry[]> = new Map(),
  planEvents: readonly HistoryEntry[] = [],
): AuditEntry[] {
  const entries: AuditEntry[] = planEvents.map((entry) => toAudit(null, entry));
  for (const line of lines) {
    for (const entry of [...(archived.get(line.lineId) ?? []), ...line.history]) entries.push(toAudit(line.lineId, entry));
  }
  return entries.sort((a, b) => (a.at === b.at ? b.rev - a.rev : a.at < b.at ? 1 : -1));
}
