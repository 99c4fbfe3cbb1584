import { planIdSchema, scopeIdSchema } from '@planboard/contracts';
import { z } from 'zod';

/** Route parameters of every per-BU budget route. */
export const planParams = z.object({ planId: planIdSchema, scopeId: scopeIdSchema });
