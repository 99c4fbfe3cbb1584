import { app } from '@azure/functions';
import { storeParamsSchema, storeSalesQuerySchema, type StoreList, type StoreSales } from '@planboard/contracts';
import { storeScopeId } from '@planboard/server';
import { config } from '../config';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseParams, parseQuery } from '../http/validate';
import { aggregateSales } from '../stores/read/aggregate';
import { storeReader } from '../stores/read/reader';
import { callerStores, thisStore } from '../stores/read/stores';

/** The caller's stores (a store leader one, a business unit's people its stores, admins all), with master data. */
app.http('storeList', {
  route: 'stores',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    const master = await storeReader(config().AzureWebJobsStorage).masterData();
    const body: StoreList = { stores: callerStores(access.scopes, master) };
    return json(body);
  }),
});

/** One store's sales, transactions and labour by day or ISO week and by day part (read on the store; 404 otherwise). */
app.http('storeSales', {
  route: 'stores/{storeId}/sales',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { storeId } = parseParams(request, storeParamsSchema);
    const scope = access.require(storeScopeId(storeId), 'read', thisStore);
    const { from, to, by } = parseQuery(request, storeSalesQuerySchema);
    const reader = storeReader(config().AzureWebJobsStorage);
    const [rows, master] = await Promise.all([reader.salesRows(storeId, from, to), reader.masterData()]);
    const body: StoreSales = { storeId, name: master.get(storeId)?.name || scope.name, from, to, by, ...aggregateSales(rows, by) };
    return json(body);
  }),
});
