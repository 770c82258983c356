import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** The scope the tab's SSO app registration exposes (`api://…/<client id>/access_as_user`). */
export const REQUIRED_SCOPE = 'access_as_user';

/** What a valid token says about the caller. */
export interface VerifiedCaller {
  readonly tenantId: string;
  readonly objectId?: string | undefined;
  /** `preferred_username` (v2) or `upn` (v1). */
  readonly upn?: string | undefined;
  readonly name?: string | undefined;
}

/**
 * Who is trusted: where the signing keys come from, which issuers a tenant may use, which
 * audiences name this app, and which tenants may call at all. Entra and the local issuer differ
 * only in these values; {@link createTokenValidator} is the same code for both.
 */
export interface TokenTrust {
  readonly keys: JWTVerifyGetKey;
  readonly issuersFor: (tenantId: string) => readonly string[];
  readonly audiences: readonly string[];
  readonly allowedTenantIds: readonly string[];
  /** Seconds of clock skew accepted on `exp`/`nbf`. */
  readonly clockToleranceSeconds?: number | undefined;
  readonly now?: (() => Date) | undefined;
}

/** Why a token was refused; the reason goes to the log, never to the caller. */
export class TokenRejected extends Error {
  override name = 'TokenRejected';
}

export type TokenValidator = (token: string) => Promise<VerifiedCaller>;

/** Entra's two issuer forms for a tenant: v1 (`sts.windows.net`) and v2 (`login.microsoftonline.com/…/v2.0`). */
export function entraIssuers(tenantId: string): string[] {
  return [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`];
}

/**
 * Checks a bearer token: signature against the trusted keys (RS256/ES256 only, never `none` or
 * HMAC), tenant in the allowed list, issuer matching that tenant, audience, scope and expiry.
 */
export function createTokenValidator(trust: TokenTrust): TokenValidator {
  const allowed = new Set(trust.allowedTenantIds.map((id) => id.toLowerCase()));
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trust.keys, {
        audience: [...trust.audiences],
        algorithms: ['RS256', 'ES256'],
        requiredClaims: ['exp', 'iss', 'tid'],
        clockTolerance: trust.clockToleranceSeconds ?? 60,
        currentDate: trust.now?.(),
      }));
    } catch (error) {
      const reason = error instanceof errors.JOSEError ? error.code : 'invalid token';
      throw new TokenRejected(reason, { cause: error });
    }
    const tenantId = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
    if (!allowed.has(tenantId)) throw new TokenRejected(`tenant ${tenantId} not allowed`);
    if (!payload.iss || !trust.issuersFor(tenantId).includes(payload.iss)) throw new TokenRejected(`issuer ${payload.iss} not trusted`);
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(REQUIRED_SCOPE)) throw new TokenRejected(`scope ${REQUIRED_SCOPE} missing`);
    return {
      tenantId,
      objectId: stringClaim(payload.oid),
      upn: stringClaim(payload.preferred_username) ?? stringClaim(payload.upn),
      name: stringClaim(payload.name),
    };
  };
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
