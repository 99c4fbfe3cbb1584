import { z } from 'zod';
import { grantLevels, scopeIdSchema, scopeSchema } from './directory';

// No regex flags: JSON Schema (the OpenAPI document) patterns have none, so case-insensitivity is in the class.
const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'an object id is a GUID');

/** A scope with the level the caller holds on it. */
export const grantedScopeSchema = scopeSchema.extend({ level: z.enum(grantLevels) });
export type GrantedScope = z.infer<typeof grantedScopeSchema>;

/** `GET /api/me`: who the caller is and what they may do; the tab shows only what this allows. */
export const meSchema = z.object({
  user: z.object({ tid: z.string(), oid: z.string(), name: z.string(), upn: z.string() }),
  appRoles: z.array(z.string()),
  isAdmin: z.boolean(),
  scopes: z.array(grantedScopeSchema),
});
export type Me = z.infer<typeof meSchema>;

export const grantSchema = z.object({
  scopeId: scopeIdSchema,
  level: z.enum(grantLevels),
  grantedBy: z.string(),
  grantedAt: z.string(),
});
export type Grant = z.infer<typeof grantSchema>;

/** `GET /api/access/users`: users with the grants the caller administers. */
export const accessUserSchema = z.object({
  tid: z.string(),
  oid: z.string(),
  name: z.string(),
  upn: z.string(),
  appRoles: z.array(z.string()),
  grants: z.array(grantSchema),
});
export type AccessUser = z.infer<typeof accessUserSchema>;
export const accessUsersSchema = z.object({ users: z.array(accessUserSchema) });

export const userGrantParamsSchema = z.object({ oid: guid, scopeId: scopeIdSchema });
export const userParamsSchema = z.object({ oid: guid });

/** `PUT /api/access/users/{oid}/grants/{scopeId}`. */
export const putGrantSchema = z.object({ level: z.enum(grantLevels) }).strict();
export type PutGrant = z.infer<typeof putGrantSchema>;

/** One audited change to a grant: who, when, what. */
export const accessAuditEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  action: z.enum(['grant', 'revoke']),
  userOid: z.string(),
  scopeId: z.string(),
  oldLevel: z.enum(grantLevels).nullable(),
  newLevel: z.enum(grantLevels).nullable(),
});
export type AccessAuditEntry = z.infer<typeof accessAuditEntrySchema>;
export const accessAuditSchema = z.object({ entries: z.array(accessAuditEntrySchema) });
