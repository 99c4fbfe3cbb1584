import { ApiError } from '../errors';

/** Why a bearer token was refused; sent as the envelope detail and in `WWW-Authenticate`. */
export type TokenFailure =
  | 'MissingToken'
  | 'MalformedToken'
  | 'InvalidSignature'
  | 'TokenExpired'
  | 'TokenNotYetValid'
  | 'WrongIssuer'
  | 'WrongAudience'
  | 'WrongTenant'
  | 'MissingScope'
  | 'UnknownClient'
  | 'KeysUnavailable';

const descriptions: Record<TokenFailure, string> = {
  MissingToken: 'Sign in: the request carries no bearer token.',
  MalformedToken: 'The bearer token is not a valid JWT.',
  InvalidSignature: 'The token signature does not verify against the identity provider keys.',
  TokenExpired: 'Your session has expired. Sign in again.',
  TokenNotYetValid: 'The token is not valid yet (check the clock).',
  WrongIssuer: 'The token was issued by an identity provider this app does not trust.',
  WrongAudience: 'The token was issued for another application.',
  WrongTenant: 'Your organisation (tenant) is not allowed to use this app.',
  MissingScope: 'The token lacks the access_as_user permission.',
  UnknownClient: 'The token was issued to an app that may not call Planboard. Open Planboard in Teams or in its own page.',
  KeysUnavailable: 'The identity provider keys could not be fetched. Try again shortly.',
};

/** A 401 carrying the failure as an RFC 6750 challenge, as Entra-protected APIs answer. */
export function unauthorized(failure: TokenFailure): ApiError {
  const description = descriptions[failure];
  const error = failure === 'MissingToken' ? '' : failure === 'MissingScope' ? ', error="insufficient_scope"' : ', error="invalid_token"';
  const challenge = `Bearer realm="planboard"${error}, error_description="${failure}: ${description.replace(/"/g, "'")}"`;
  return new ApiError(401, 'Unauthorized', description, [{ path: 'authorization', message: failure }], { 'WWW-Authenticate': challenge });
}
