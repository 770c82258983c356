/**
 * The HTTP status for a failed authentication. botbuilder raises its own `AuthenticationError`
 * (with a status) for most bad tokens but lets `jsonwebtoken` errors (bad signature, not yet
 * valid, malformed) through untyped; those are the caller's fault too, so 401. Anything else —
 * the OpenID metadata unreachable, say — is ours, so 500 and the channel retries.
 */
export function authFailureStatus(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 500;
  const { statusCode, name } = error as { statusCode?: unknown; name?: unknown };
  if (typeof statusCode === 'number' && statusCode >= 400) return statusCode;
  if (name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError') return 401;
  return 500;
}
