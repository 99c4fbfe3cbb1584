import { z } from 'zod';
import { accessAuditEntrySchema, grantedScopeSchema } from './access';
import { auditEntrySchema, planStateSchema } from './budget';

/**
 * Response bodies of routes whose shape is built from smaller schemas elsewhere; named here so the
 * OpenAPI document (api/src/openapi) and clients share one definition.
 */

/** `GET /api/access/scopes`: the caller's granted scopes. */
export const accessScopesSchema = z.object({ scopes: z.array(grantedScopeSchema) });
export type AccessScopes = z.infer<typeof accessScopesSchema>;

/** `PUT|DELETE /api/access/users/{oid}/grants/{scopeId}`: whether anything changed, and its audit entry. */
export const grantChangeResultSchema = z.object({ changed: z.boolean(), entry: accessAuditEntrySchema.nullable() });
export type GrantChangeResult = z.infer<typeof grantChangeResultSchema>;

/** `GET /api/budget/{planId}/{scopeId}/audit`: one page of the audit, newest first. */
export const budgetAuditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().nonnegative(),
});
export type BudgetAuditPage = z.infer<typeof budgetAuditPageSchema>;

/** `POST /api/budget/{planId}/{scopeId}/submit|unlock`: the plan's state and whether managers were told. */
export const planTransitionSchema = z.object({ state: planStateSchema, notified: z.boolean() });
export type PlanTransition = z.infer<typeof planTransitionSchema>;
