import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';

/** The `iss` of embed tokens: the emulator issues them, as the Power BI service does. */
export const embedTokenIssuer = 'urn:planboard:powerbi-emulator:embed-token';
const embedAudience = 'urn:planboard:powerbi-emulator:embed';

/** An effective identity carried by an embed token (GenerateToken `identities[]`). */
export interface EmbedIdentity {
  username: string;
  roles: string[];
  datasets: string[];
  customData?: string;
}

/** What an embed token grants: the items and identities of the GenerateToken request. */
export interface EmbedTokenClaims {
  tokenId: string;
  /** The principal (UPN or app id) that generated the token. */
  issuedTo: string;
  accessLevel: 'View' | 'Edit' | 'Create';
  reports: { id: string; groupId: string; datasetId: string; allowEdit: boolean }[];
  datasets: { id: string; xmlaPermissions: 'Off' | 'ReadOnly' }[];
  targetWorkspaces: string[];
  identities: EmbedIdentity[];
  /** Expiry, epoch seconds. */
  expiresAt: number;
}

/** Why an embed token was refused (the embed page maps these to its `error` events). */
export class EmbedTokenError extends Error {
  constructor(
    readonly code: 'TokenExpired' | 'InvalidToken',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Verifies an embed token with the emulator's public key (see `EmbedTokenIssuer.publicJwk`,
 * also served at `/_emulator/embed-token-keys`). The embed page and executeQueries use this.
 */
export async function verifyEmbedToken(token: string, publicKey: CryptoKey | JWK): Promise<EmbedTokenClaims> {
  try {
    const { payload } = await jwtVerify(token, publicKey, { issuer: embedTokenIssuer, audience: embedAudience, algorithms: ['ES256'] });
    return payload.pbi as EmbedTokenClaims;
  } catch (error) {
    const expired = error instanceof Error && 'code' in error && error.code === 'ERR_JWT_EXPIRED';
    if (expired) throw new EmbedTokenError('TokenExpired', 'Access token has expired, resubmit with a new access token');
    throw new EmbedTokenError('InvalidToken', 'The embed token is not valid');
  }
}

/** Signs embed tokens with a key generated per emulator process (tokens do not survive a restart, which is fine locally). */
export class EmbedTokenIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly publicKey: CryptoKey,
    readonly publicJwk: JWK,
  ) {}

  /** A new issuer with a fresh ES256 key pair. */
  static async create(): Promise<EmbedTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'embed-1', alg: 'ES256', use: 'sig' };
    return new EmbedTokenIssuer(privateKey, publicKey, publicJwk);
  }

  /** The signed token for these claims. */
  sign(claims: EmbedTokenClaims): Promise<string> {
    return new SignJWT({ pbi: claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'embed-1', typ: 'JWT' })
      .setIssuer(embedTokenIssuer)
      .setAudience(embedAudience)
      .setJti(claims.tokenId)
      .setIssuedAt()
      .setExpirationTime(claims.expiresAt)
      .sign(this.privateKey);
  }

  /** Verifies a token this issuer signed. */
  verify(token: string): Promise<EmbedTokenClaims> {
    return verifyEmbedToken(token, this.publicKey);
  }
}
