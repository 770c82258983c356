import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const TAB_DOMAIN = 'tab.city.example';

/**
 * Stands in for Entra's key endpoint: publishes one RSA key's JWKS over HTTP and signs tokens
 * shaped like Teams SSO tokens, each claim overridable so a test can break exactly one thing.
 */
export interface EntraStandIn {
  readonly jwksUrl: string;
  sign(claims?: JWTPayload, options?: { key?: 'trusted' | 'stranger'; expiresInSeconds?: number }): Promise<string>;
  close(): Promise<void>;
}

export async function startEntraStandIn(): Promise<EntraStandIn> {
  const trusted = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(trusted.publicKey)), kid: 'trusted', alg: 'RS256', use: 'sig' }] };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    jwksUrl: `http://127.0.0.1:${port}/keys`,
    async sign(claims = {}, options = {}) {
      const key: CryptoKey = options.key === 'stranger' ? stranger.privateKey : trusted.privateKey;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        aud: `api://${TAB_DOMAIN}/${CLIENT_ID}`,
        tid: TENANT,
        oid: 'oid-author',
        preferred_username: 'author@city.example',
        name: '財政 主任',
        scp: 'access_as_user',
        ver: '2.0',
        iat: now,
        nbf: now,
        exp: now + (options.expiresInSeconds ?? 3600),
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: options.key === 'stranger' ? 'stranger' : 'trusted', typ: 'JWT' })
        .sign(key);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
