import type { Actuals } from '@planboard/contracts';
import type { Access } from '../access/guard';

/**
 * Historical actuals for the grid's read-only column, from the budget semantic model queried as
 * the user. Until the Power BI client is configured for this deployment they are reported as
 * unavailable with the reason, and the grid still loads.
 */
export async function actualsFor(_access: Access, _planId: string, _scopeId: string): Promise<Actuals> {
  return { available: false, reason: 'Actuals from Power BI are not connected in this environment yet.', values: {} };
}
