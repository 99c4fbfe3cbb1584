import { z } from 'zod';

/** Kinds of scope a grant can name (seed 003's user–store model, generalised). */
export const scopeTypes = ['businessUnit', 'store', 'department'] as const;
export type ScopeType = (typeof scopeTypes)[number];

/** Grant levels, weakest first: each level includes the ones before it. */
export const grantLevels = ['read', 'edit', 'approve', 'admin'] as const;
export type GrantLevel = (typeof grantLevels)[number];

/** Scope ids are lower-case slugs (`sales-north`) or 6-digit store ids (`store-104233`). */
export const scopeIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a scope id is a lower-case slug');

export const scopeSchema = z.object({
  id: scopeIdSchema,
  type: z.enum(scopeTypes),
  name: z.string().min(1).max(200),
  parentId: scopeIdSchema.optional(),
});
export type Scope = z.infer<typeof scopeSchema>;
