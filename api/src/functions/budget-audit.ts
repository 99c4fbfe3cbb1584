import { app } from '@azure/functions';
import { auditEntrySchema, lineIdSchema } from '@planboard/contracts';
import { z } from 'zod';
import { auditTrail } from '../budget/audit';
import { planPartitionKey } from '../budget/line-entity';
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
    const snapshot = await budget.read(partitionKey);
    const lines = [...snapshot.lines.values()].filter((line) => !query.line || line.lineId === query.line);
    const planEvents = query.line ? [] : await planHistory(budget, { planId, scopeId });
    const all = auditTrail(lines, await budget.archivedHistory(partitionKey, query.line), planEvents);
    const start = (query.page - 1) * query.pageSize;
    const entries = all.slice(start, start + query.pageSize).map((entry) => auditEntrySchema.parse(entry));
    return json({ entries, page: query.page, pageSize: query.pageSize, total: all.length });
  }),
});
