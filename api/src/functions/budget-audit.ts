import { app } from '@azure/functions';
import { auditEntrySchema, lineIdSchema } from '@planboard/contracts';
import { z } from 'zod';
import { auditTrail } from '../budget/audit';
import { planPartitionKey } from '@planboard/server';
import { planHistory } from '../budget/plan-state';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseParams, parseQuery } from '../http/validate';
import { getServices } from '../services';
import { planParams } from '../budget/params';

const auditQuery = z
  .object({
    line: lineIdSchema.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** Who changed what, newest first, for the BU or one line; paged. */
app.http('budgetAudit', {
  route: 'budget/{planId}/{scopeId}/audit',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { planId, scopeId } = parseParams(request, planParams);
    const query = parseQuery(request, auditQuery);
    access.require(scopeId, 'read', 'This budget');
    const { budget } = getServices();
    const partitionKey = planPartitionKey(planId, scopeId);
    // One line's audit lives with its block: find the block, then read only that block's audit.
    const block = query.line ? (await budget.read(partitionKey)).lines.get(query.line)?.block : undefined;
    const lineEntries = query.line && !block ? [] : await budget.lineHistory(partitionKey, block);
    const planEvents = query.line ? [] : await planHistory(budget, { planId, scopeId });
    const all = auditTrail(lineEntries, planEvents, query.line);
    const start = (query.page - 1) * query.pageSize;
    const entries = all.slice(start, start + query.pageSize).map((entry) => auditEntrySchema.parse(entry));
    return json({ entries, page: query.page, pageSize: query.pageSize, total: all.length });
  }),
});
