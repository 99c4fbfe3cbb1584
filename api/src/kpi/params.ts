import { kpiIdSchema, scopeIdSchema } from '@planboard/contracts';
import { z } from 'zod';

/** `{scopeId}`: the department (a scope of type `department`). */
export const departmentParams = z.object({ scopeId: scopeIdSchema });
/** `{scopeId}/{kpiId}`: one KPI of a department. */
export const kpiParams = departmentParams.extend({ kpiId: kpiIdSchema });
