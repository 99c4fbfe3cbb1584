import type { BudgetPatchResult } from '@planboard/contracts';
import { planPartitionKey } from '@planboard/server';
import { commitSaves, type SaveRequest } from './save';
import type { PlanSnapshots } from './snapshots';
import type { BudgetStore } from './store';

interface Waiting {
  request: SaveRequest;
  resolve: (result: BudgetPatchResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit of the saves of one plan partition in this host: while one group is being
 * written, saves that arrive wait and then go together in the next group (one read, one write
 * per block for all of them), instead of racing each other for the same blocks' ETags and
 * re-reading after every lost race. Each save still gets exactly the result it would have had
 * alone after the ones before it. Nothing is held between groups: other hosts are kept in line
 * by the ETags as before, so two hosts behave like one.
 */
export class SaveGroups {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(
    private readonly store: BudgetStore,
    private readonly snapshots?: PlanSnapshots,
    /** Most saves committed together (bounds one write's size and the saves a block remembers). */
    private readonly maxGroup = 32,
  ) {}

  save(request: SaveRequest): Promise<BudgetPatchResult> {
    const partitionKey = planPartitionKey(request.planId, request.scopeId);
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { request, resolve, reject };
      const queue = this.queues.get(partitionKey);
      if (queue) return void queue.push(waiting);
      this.queues.set(partitionKey, [waiting]);
      void this.drain(partitionKey);
    });
  }

  private async drain(partitionKey: string): Promise<void> {
    const queue = this.queues.get(partitionKey)!;
    while (queue.length) {
      const group = queue.splice(0, this.maxGroup);
      let outcomes;
      try {
        outcomes = await commitSaves(
          this.store,
          partitionKey,
          group.map((waiting) => waiting.request),
          this.snapshots,
        );
      } catch (error) {
        outcomes = group.map(() => ({ error }));
      }
      const deferred: Waiting[] = [];
      outcomes.forEach((outcome, index) => {
        const waiting = group[index]!;
        if ('deferred' in outcome) deferred.push(waiting);
        else if ('error' in outcome) waiting.reject(outcome.error);
        else waiting.resolve(outcome.result);
      });
      queue.unshift(...deferred);
    }
    this.queues.delete(partitionKey);
  }
}
