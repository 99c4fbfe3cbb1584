import type { BudgetPatch, BudgetPatchResult, ErrorDetail } from '@planboard/contracts';
import { conflict, validationFailed } from '../errors';
import { publicLine, planPartitionKey } from './line-entity';
import { mergeEdits } from './merge';
import { ConcurrentWriteError, type BudgetStore } from './store';

/** How often a save re-reads and re-merges after losing an ETag race before giving up. */
const maxAttempts = 8;

export interface SaveRequest {
  planId: string;
  scopeId: string;
  actor: string;
  patch: BudgetPatch;
  now?: () => Date;
}

/**
 * Saves a batch of cell edits with no lost update: read the partition, merge cell by cell, write
 * each line conditionally on its ETag. Losing a race to another writer (any API instance) means
 * re-reading and re-merging: the edits already committed by this save are recognised by its
 * idempotency key, and the other writer's cells either merge or come back as conflicts.
 */
export async function saveEdits(store: BudgetStore, request: SaveRequest): Promise<BudgetPatchResult> {
  const partitionKey = planPartitionKey(request.planId, request.scopeId);
  const now = request.now ?? (() => new Date());
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const snapshot = await store.read(partitionKey);
    if (snapshot.state.status !== 'draft') {
      throw conflict(`This plan is ${snapshot.state.status} and read-only. An admin can unlock it.`);
    }
    const unknown: ErrorDetail[] = request.patch.edits.flatMap((edit, index) =>
      snapshot.lines.has(edit.lineId) ? [] : [{ path: `edits.${index}.lineId`, message: `No budget line ${edit.lineId} in this plan.` }],
    );
    if (unknown.length) throw validationFailed('Some edits name lines that do not exist.', unknown.slice(0, 50));
    const merged = mergeEdits(snapshot.lines, request.patch.edits, {
      actor: request.actor,
      action: request.patch.action,
      saveId: request.patch.idempotencyKey,
      at: now().toISOString(),
    });
    try {
      await store.writeLines(partitionKey, merged.updated);
    } catch (error) {
      if (error instanceof ConcurrentWriteError) continue;
      throw error;
    }
    // Lines this save committed in an earlier attempt (or an earlier, interrupted request) are part of its result too.
    const saved = new Map(merged.updated.map((line) => [line.lineId, line]));
    for (const line of snapshot.lines.values()) {
      if (!saved.has(line.lineId) && line.history.some((entry) => entry.s === request.patch.idempotencyKey)) saved.set(line.lineId, line);
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
