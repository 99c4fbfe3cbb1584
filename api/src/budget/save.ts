import { createHash } from 'node:crypto';
import type { BudgetPatch, BudgetPatchResult, ErrorDetail } from '@planboard/contracts';
import { ApiError, conflict, validationFailed } from '../errors';
import { needsCompaction, publicLine, planPartitionKey, type HistoryEntry, type StoredLine } from '@planboard/server';
import { mergeEdits } from './merge';
import type { PlanSnapshots } from './snapshots';
import { ConcurrentWriteError, type BlockChange, type BudgetStore, type PlanSnapshot } from './store';

/** How often a save re-reads and re-merges after losing an ETag race before giving up. */
const maxAttempts = 8;

export interface SaveRequest {
  planId: string;
  scopeId: string;
  actor: string;
  patch: BudgetPatch;
  now?: () => Date;
}

/** Groups merged lines by block: each block is written once, with the audit entries of its lines. */
function blockChanges(snapshot: PlanSnapshot, updated: readonly StoredLine[], entries: readonly HistoryEntry[]): BlockChange[] {
  const byBlock = new Map<string, Map<string, StoredLine>>();
  for (const line of updated) byBlock.set(line.block, (byBlock.get(line.block) ?? new Map()).set(line.lineId, line));
  const entriesByBlock = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const block = entry.l === undefined ? undefined : snapshot.lines.get(entry.l)?.block;
    if (block) entriesByBlock.set(block, [...(entriesByBlock.get(block) ?? []), entry]);
  }
  const changes: BlockChange[] = [];
  for (const [key, lines] of byBlock) {
    const block = snapshot.blocks.get(key);
    if (!block) throw new Error(`saveEdits: line in unknown block ${key}`);
    changes.push({
      block,
      lines: block.lines.map((line) => {
        const changed = lines.get(line.lineId);
        return changed ? publicLine(changed) : line;
      }),
      entries: entriesByBlock.get(key) ?? [],
    });
  }
  return changes.sort((a, b) => (a.block.key < b.block.key ? -1 : 1));
}

/**
 * What blocks remember of a save: its idempotency key and a fingerprint of its body, so a retry
 * (same key, same body) is recognised and the same key with another body is refused, not applied.
 */
function saveToken(patch: BudgetPatch): string {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ action: patch.action, edits: patch.edits }))
    .digest('hex')
    .slice(0, 16);
  return `${patch.idempotencyKey}~${fingerprint}`;
}

/** 422 when a block remembers this key with another body: a client bug (a reused key), never a retry. */
function reusedKey(snapshot: PlanSnapshot, patch: BudgetPatch, token: string): ApiError | undefined {
  const prefix = `${patch.idempotencyKey}~`;
  for (const block of snapshot.blocks.values()) {
    if (block.saves.some((saved) => saved.startsWith(prefix) && saved !== token)) {
      return new ApiError(
        422,
        'IdempotencyKeyReused',
        'This idempotency key was already used for a different save. Use a new key for new edits; nothing was saved.',
      );
    }
  }
  return undefined;
}

/** How one save of a group ended: its result, an error of its own, or "try in the next group". */
export type SaveOutcome = { result: BudgetPatchResult } | { error: unknown } | { deferred: true };

/**
 * Commits a group of saves of one partition together, with no lost update: read the partition
 * once, merge the saves one after the other (each sees the ones before it, exactly as if they
 * had been sent one by one: a stale cell is a conflict), write each changed block once,
 * conditionally on its ETag, remembering every save that touched it. Losing a race to another
 * writer (any API instance) means re-reading and re-merging the whole group: blocks already
 * committed are recognised by each save's token, and the other writer's cells either merge or
 * come back as conflicts. A save that repeats a key already in the group is deferred to the next
 * group, where the committed blocks tell a replay from a reused key.
 */
export async function commitSaves(
  store: BudgetStore,
  partitionKey: string,
  requests: readonly SaveRequest[],
  snapshots?: PlanSnapshots,
): Promise<SaveOutcome[]> {
  const read = () => (snapshots ? snapshots.current(partitionKey) : store.read(partitionKey));
  const tokens = requests.map((request) => saveToken(request.patch));
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const snapshot = await read();
    if (snapshot.state.status !== 'draft') {
      const error = conflict(`This plan is ${snapshot.state.status} and read-only. An admin can unlock it.`);
      return requests.map(() => ({ error }));
    }
    const working = new Map(snapshot.lines);
    const updated = new Map<string, StoredLine>();
    const entries: HistoryEntry[] = [];
    const savesByBlock = new Map<string, string[]>();
    const keysInGroup = new Set<string>();
    const outcomes: SaveOutcome[] = requests.map((request, index) => {
      const token = tokens[index]!;
      const { patch } = request;
      if (keysInGroup.has(patch.idempotencyKey)) return { deferred: true };
      keysInGroup.add(patch.idempotencyKey);
      const unknown: ErrorDetail[] = patch.edits.flatMap((edit, at) =>
        working.has(edit.lineId) ? [] : [{ path: `edits.${at}.lineId`, message: `No budget line ${edit.lineId} in this plan.` }],
      );
      if (unknown.length) return { error: validationFailed('Some edits name lines that do not exist.', unknown.slice(0, 50)) };
      const refused = reusedKey(snapshot, patch, token);
      if (refused) return { error: refused };
      const alreadySaved = (line: StoredLine) => snapshot.blocks.get(line.block)?.saves.includes(token) ?? false;
      const merged = mergeEdits(working, patch.edits, {
        actor: request.actor,
        action: patch.action,
        // The audit names the save by the key the client sent; the token is block bookkeeping.
        saveId: patch.idempotencyKey,
        at: (request.now ?? (() => new Date()))().toISOString(),
        alreadySaved,
      });
      for (const line of merged.updated) {
        working.set(line.lineId, line);
        updated.set(line.lineId, line);
        const saves = savesByBlock.get(line.block) ?? [];
        if (!saves.includes(token)) savesByBlock.set(line.block, [...saves, token]);
      }
      entries.push(...merged.entries);
      // Lines this save committed in an earlier attempt (or an interrupted request) are part of its result too.
      const saved = new Map(merged.updated.map((line) => [line.lineId, line]));
      for (const edit of patch.edits) {
        const line = snapshot.lines.get(edit.lineId);
        if (line && !saved.has(line.lineId) && alreadySaved(line)) saved.set(line.lineId, line);
      }
      const result: BudgetPatchResult = {
        applied: merged.applied,
        unchanged: merged.unchanged,
        conflicts: merged.conflicts,
        lines: [...saved.values()].map(publicLine),
      };
      return { result };
    });
    const changes = blockChanges(snapshot, [...updated.values()], entries).map((change) => ({
      ...change,
      saves: savesByBlock.get(change.block.key) ?? [],
    }));
    try {
      if (changes.length) await store.writeBlocks(partitionKey, changes);
    } catch (error) {
      // Lost a race: the next read brings the winner's blocks (a delta read when snapshots are kept).
      if (error instanceof ConcurrentWriteError) continue;
      snapshots?.forget(partitionKey);
      return requests.map(() => ({ error }));
    }
    await compactGrown(store, partitionKey, changes);
    return outcomes;
  }
  const busy = conflict('Many people are saving this plan right now. Please save again.');
  return requests.map(() => ({ error: busy }));
}

/** One save on its own (a group of one); errors are thrown. */
export async function saveEdits(store: BudgetStore, request: SaveRequest, snapshots?: PlanSnapshots): Promise<BudgetPatchResult> {
  const partitionKey = planPartitionKey(request.planId, request.scopeId);
  const [outcome] = await commitSaves(store, partitionKey, [request], snapshots);
  if (!outcome || 'deferred' in outcome) throw new Error('saveEdits: a single save cannot be deferred');
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

/** Archives the audit of blocks that grew past their inline budget (best effort: the next save retries). */
async function compactGrown(store: BudgetStore, partitionKey: string, changes: readonly BlockChange[]): Promise<void> {
  const grown = changes.filter((change) => needsCompaction(change.block));
  for (const change of grown) {
    await store.compact(partitionKey, change.block.key).catch((error: unknown) => {
      console.warn(`Could not archive the audit of ${change.block.key}:`, error instanceof Error ? error.message : error);
    });
  }
}
