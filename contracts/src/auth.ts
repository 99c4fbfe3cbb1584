import { z } from 'zod';

/** `GET /api/auth/config`: public sign-in settings for the tab outside Teams (no secrets). */
export const authConfigSchema = z.object({
  /** `<origin>/<tenant id>`; endpoints follow Entra's layout below it. */
  authority: z.string().url(),
  authorizationEndpoint: z.string().url(),
  tokenEndpoint: z.string().url(),
  endSessionEndpoint: z.string().url(),
  clientId: z.string(),
  /** Scopes to request, the API's `access_as_user` first. */
  scopes: z.array(z.string()),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;
