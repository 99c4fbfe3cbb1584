import { storeListSchema, storeParamsSchema, storeSalesQuerySchema, storeSalesSchema } from '@planboard/contracts';
import type { OperationSpec } from './types';

/** Store data (SPEC §4): the caller's stores and one store's sales. */
export const storesOperations: readonly OperationSpec[] = [
  {
    method: 'get',
    route: 'stores',
    operationId: 'storeList',
    tag: 'Stores',
    summary: "The caller's stores with their master data",
    responses: { 200: storeListSchema },
  },
  {
    method: 'get',
    route: 'stores/{storeId}/sales',
    operationId: 'storeSales',
    tag: 'Stores',
    summary: "A store's sales, transactions and labour hours by day or ISO week and by day part",
    params: storeParamsSchema,
    query: storeSalesQuerySchema,
    responses: { 200: storeSalesSchema },
  },
];
