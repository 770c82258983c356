import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTVerifyGetKey, createLocalJWKSet } from 'jose';
import { REQUIRED_SCOPE } from './token-validator.js';

/** The fixed tenant, client id and issuer of local mode; none of them exists in Entra. */
export const LOCAL_TENANT_ID = '00000000-0000-0000-0000-0000000010ca';
export const LOCAL_CLIENT_ID = 'local-tab-client';
export const LOCAL_ISSUER = `urn:gyosei-keiei:local-issuer:${LOCAL_TENANT_ID}`;
export const LOCAL_AUDIENCE = `api://localhost/${LOCAL_CLIENT_ID}`;
const TOKEN_LIFETIME_SECONDS = 60 * 60;

/**
 * A small token issuer for development without Entra: a key pair generated at start-up (never
 * stored), its public JWKS, and tokens shaped like Entra v2 access tokens for a directory entry.
 */
export interface LocalIssuer {
  readonly jwks: { keys: JWK[] };
  readonly keys: JWTVerifyGetKey;
  issue(person: { staffId: string; upn: string; displayName: string; objectId: string }, now?: Date): Promise<{ token: string; expiresAt: Date }>;
}

/**
 * The object id a local token carries for a directory entry: the entry's own Entra object id
 * when it has one (the demo directory gives fixed ids, which the Agents Playground's users share,
 * so the bot and the tab see one person), else a GUID derived from the entry's id, stable across
 * restarts.
 */
export function localObjectId(person: { id: string; entraObjectId?: string | undefined }): string {
  if (person.entraObjectId) return person.entraObjectId;
  const hex = createHash('sha256').update(`gyosei-keiei-local:${person.id}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Refuses to exist in production: a process there must never sign or trust its own tokens. */
export async function createLocalIssuer(nodeEnv: string): Promise<LocalIssuer> {
  if (nodeEnv === 'production') throw new Error('the local token issuer is refused when NODE_ENV=production');
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = `local-${Date.now().toString(36)}`;
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  return {
    jwks,
    keys: createLocalJWKSet(jwks),
    async issue(person, now = new Date()) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expiresAt = new Date((issuedAt + TOKEN_LIFETIME_SECONDS) * 1000);
      const token = await new SignJWT({
        tid: LOCAL_TENANT_ID,
        oid: person.objectId,
        preferred_username: person.upn,
        name: person.displayName,
        scp: REQUIRED_SCOPE,
        ver: '2.0',
      })
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setSubject(person.staffId)
        .setIssuedAt(issuedAt)
        .setNotBefore(issuedAt)
        .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
        .sign(privateKey);
      return { token, expiresAt };
    },
  };
}
