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
 * Saves a batch of cell edits with no lost update: read the partition, merge cell by cell, write
 * each block conditionally on its ETag. Losing a race to another writer (any API instance) means
 * re-reading and re-merging: blocks this save already committed are recognised by its idempotency
 * key, and the other writer's cells either merge or come back as conflicts.
 */
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
function refuseReusedKey(snapshot: PlanSnapshot, patch: BudgetPatch, token: string): void {
  const prefix = `${patch.idempotencyKey}~`;
  for (const block of snapshot.blocks.values()) {
    if (block.saves.some((saved) => saved.startsWith(prefix) && saved !== token)) {
      throw new ApiError(
        422,
        'IdempotencyKeyReused',
        'This idempotency key was already used for a different save. Use a new key for new edits; nothing was saved.',
      );
    }
  }
}

export async function saveEdits(store: BudgetStore, request: SaveRequest, snapshots?: PlanSnapshots): Promise<BudgetPatchResult> {
  const partitionKey = planPartitionKey(request.planId, request.scopeId);
  const read = () => (snapshots ? snapshots.current(partitionKey) : store.read(partitionKey));
  const saveId = saveToken(request.patch);
  const now = request.now ?? (() => new Date());
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const snapshot = await read();
    if (snapshot.state.status !== 'draft') {
      throw conflict(`This plan is ${snapshot.state.status} and read-only. An admin can unlock it.`);
    }
    const unknown: ErrorDetail[] = request.patch.edits.flatMap((edit, index) =>
      snapshot.lines.has(edit.lineId) ? [] : [{ path: `edits.${index}.lineId`, message: `No budget line ${edit.lineId} in this plan.` }],
    );
    if (unknown.length) throw validationFailed('Some edits name lines that do not exist.', unknown.slice(0, 50));
    refuseReusedKey(snapshot, request.patch, saveId);
    const alreadySaved = (line: StoredLine) => snapshot.blocks.get(line.block)?.saves.includes(saveId) ?? false;
    const merged = mergeEdits(snapshot.lines, request.patch.edits, {
      actor: request.actor,
      action: request.patch.action,
      // The audit names the save by the key the client sent; the fingerprint is block bookkeeping.
      saveId: request.patch.idempotencyKey,
      at: now().toISOString(),
      alreadySaved,
    });
    const changes = blockChanges(snapshot, merged.updated, merged.entries);
    try {
      await store.writeBlocks(partitionKey, changes, saveId);
    } catch (error) {
      // Lost a race: the next read brings the winner's blocks (a delta read when snapshots are kept).
      if (error instanceof ConcurrentWriteError) continue;
      snapshots?.forget(partitionKey);
      throw error;
    }
    await compactGrown(store, partitionKey, changes);
    // Lines this save committed in an earlier attempt (or an earlier, interrupted request) are part of its result too.
    const saved = new Map(merged.updated.map((line) => [line.lineId, line]));
    for (const edit of request.patch.edits) {
      const line = snapshot.lines.get(edit.lineId);
      if (line && !saved.has(line.lineId) && alreadySaved(line)) saved.set(line.lineId, line);
    }
    return {
      applied: merged.applied,
      unchanged: merged.unchanged,
      conflicts: merged.conflicts,
      lines: [...saved.values()].map(publicLine),
    };
  }
  throw conflict('Many people are saving this plan right now. Please save again.');
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
