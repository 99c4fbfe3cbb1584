import { budgetOperations } from './budget';
import { kpisOperations } from './kpis';
import { operationsOperations } from './operations';
import { platformOperations } from './platform';
import { storesOperations } from './stores';
import { storeRunOperations } from './store-runs';
import { trainingOperations } from './training';
import type { OperationSpec } from './types';

export type { OperationSpec, RequestBody, ResponseSpec } from './types';

/** Every HTTP route the API registers; the route-coverage test fails when one is missing here. */
export const operations: readonly OperationSpec[] = [
  ...platformOperations,
  ...budgetOperations,
  ...kpisOperations,
  ...operationsOperations,
  ...trainingOperations,
  ...storesOperations,
  ...storeRunOperations,
];
