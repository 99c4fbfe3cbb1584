import { ReadCoalescer } from '../util/coalesce';
import type { StoredLine, Block } from '@planboard/server';
import type { BudgetStore, PlanSnapshot } from './store';

export interface PlanSnapshotsOptions {
  /** Plans whose snapshot this host keeps (least recently used goes first). */
  maxPlans?: number;
  /** A delta read looks this far behind the newest timestamp seen: commits may land slightly out of order. */
  overlapMs?: number;
  /** A snapshot is read whole again after this long (bounds what a missed deletion could keep alive). */
  fullReadEveryMs?: number;
  now?: () => number;
}

interface Entry {
  snapshot: PlanSnapshot;
  /** Newest storage timestamp among the snapshot's blocks (the storage clock, not this host's). */
  newest: string;
  fullReadAt: number;
}

const newestTimestamp = (blocks: Iterable<Block>, floor = ''): string => {
  let newest = floor;
  for (const block of blocks) if (block.timestamp > newest) newest = block.timestamp;
  return newest;
};

/** The cached snapshot with the blocks a delta read returned laid over it (maps are copied only when something changed). */
function applyDelta(entry: Entry, delta: PlanSnapshot): PlanSnapshot {
  const base = entry.snapshot;
  const changed = [...delta.blocks.values()].filter((block) => base.blocks.get(block.key)?.etag !== block.etag);
  if (!changed.length) return { ...base, state: delta.state, headerEtag: delta.headerEtag, cursor: delta.cursor };
  const lines = new Map<string, StoredLine>(base.lines);
  const blocks = new Map<string, Block>(base.blocks);
  for (const block of changed) {
    for (const line of blocks.get(block.key)?.lines ?? []) lines.delete(line.lineId);
    blocks.set(block.key, block);
    for (const line of delta.blocks.get(block.key)!.lines) lines.set(line.lineId, { ...line, block: block.key });
  }
  return { state: delta.state, headerEtag: delta.headerEtag, cursor: delta.cursor, lines, blocks };
}

/**
 * The current snapshot of plans that are being saved, for saves: a save of a few cells must not
 * read and parse a whole 50,000-line plan (8 MB) once per request. This host keeps the last
 * snapshot of a few plans and brings it up to date before every use with a delta read (only the
 * blocks written since, by any host), shared among concurrent callers and never older than the
 * call. Correctness never depends on this cache: every write stays conditional on its block's ETag,
 * so a block another host changed in between costs a retry, never a lost update — two hosts behave
 * like one.
 */
export class PlanSnapshots {
  private readonly entries = new Map<string, Entry>();
  private readonly reads = new ReadCoalescer<PlanSnapshot>();
  private readonly maxPlans: number;
  private readonly overlapMs: number;
  private readonly fullReadEveryMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Pick<BudgetStore, 'read'>,
    options: PlanSnapshotsOptions = {},
  ) {
    this.maxPlans = options.maxPlans ?? 3;
    this.overlapMs = options.overlapMs ?? 5000;
    this.fullReadEveryMs = options.fullReadEveryMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The plan as stored now (read after this call began). */
  current(partitionKey: string): Promise<PlanSnapshot> {
    return this.reads.read(partitionKey, () => this.refresh(partitionKey));
  }

  /** Drops a plan's snapshot: its next use reads it whole (after an unexpected write failure). */
  forget(partitionKey: string): void {
    this.entries.delete(partitionKey);
  }

  private async refresh(partitionKey: string): Promise<PlanSnapshot> {
    const cached = this.entries.get(partitionKey);
    const startedAt = this.now();
    if (!cached || startedAt - cached.fullReadAt > this.fullReadEveryMs) {
      const snapshot = await this.store.read(partitionKey);
      this.remember(partitionKey, { snapshot, newest: newestTimestamp(snapshot.blocks.values()), fullReadAt: startedAt });
      return snapshot;
    }
    const since = new Date(Date.parse(cached.newest) - this.overlapMs).toISOString();
    const delta = await this.store.read(partitionKey, cached.newest ? since : undefined);
    const snapshot = applyDelta(cached, delta);
    this.remember(partitionKey, {
      snapshot,
      newest: newestTimestamp(delta.blocks.values(), cached.newest),
      fullReadAt: cached.fullReadAt,
    });
    return snapshot;
  }

  private remember(partitionKey: string, entry: Entry): void {
    this.entries.delete(partitionKey);
    this.entries.set(partitionKey, entry);
    while (this.entries.size > this.maxPlans) this.entries.delete(this.entries.keys().next().value!);
  }
}
