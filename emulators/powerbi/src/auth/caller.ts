import type { EmbedTokenClaims } from './embed-token';

/** A signed-in user calling with a delegated (on-behalf-of) token. */
export interface UserCaller {
  kind: 'user';
  /** Lower-case UPN: how Power BI names users in `configuredBy`, memberships and RLS. */
  id: string;
  oid: string;
  tid: string;
  scopes: string[];
  /** Token expiry (epoch seconds): embed tokens may not outlive it. */
  expiresAt: number;
}

/** A service principal calling with a client-credentials token. */
export interface AppCaller {
  kind: 'app';
  /** The app (client) id: how Power BI names the principal in `configuredBy` and memberships. */
  id: string;
  oid: string;
  tid: string;
  expiresAt: number;
}

/** A holder of an embed token the emulator issued (GenerateToken). */
export interface EmbedCaller {
  kind: 'embed';
  /** The token id. */
  id: string;
  claims: EmbedTokenClaims;
  expiresAt: number;
}

/** Who is calling; the service behaves differently for each (RLS, embed tokens, notifications). */
export type Caller = UserCaller | AppCaller | EmbedCaller;

/** A caller that authenticated against the identity provider (not an embed token). */
export type PrincipalCaller = UserCaller | AppCaller;
