/**
 * A local stand-in for the two Bot Framework auth services, so the endpoint's token checks run
 * against keys the test owns:
 * - inbound: an OpenID configuration and a JWKS whose keys carry `endorsements`, as
 *   login.botframework.com publishes them, and `channelToken()` to sign what Teams would send;
 * - outbound: an Entra-like authority (`loginUrl`) with a client-credentials token endpoint,
 *   which the bot's MSAL client calls before it posts a reply.
 * It serves HTTPS because MSAL refuses any other authority; the certificate is self-signed
 * (made with the `openssl` CLI), so the test process must trust `certificate` (see `trust`).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';

/** Which key signs a channel token: endorsed for Teams, endorsed for another channel, or not published. */
export type SigningKey = 'msteams' | 'webchat' | 'unpublished';

/** One client-credentials request the bot made for an outbound token. */
export interface TokenRequest {
  readonly clientId: string | null;
  readonly scope: string | null;
  readonly grantType: string | null;
  /** Whether the app id and secret matched; only then was a token issued. */
  readonly granted: boolean;
}

export interface BotAuthStub {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  /** The value for `ToBotFromChannelOpenIdMetadataUrl`. */
  readonly openIdMetadataUrl: string;
  /** The issuer channel tokens carry; the value for `ToBotFromChannelTokenIssuer`. */
  readonly issuer: string;
  /** The authority for outbound tokens; the value for `ToChannelFromBotLoginUrl`. */
  readonly loginUrl: string;
  /** The self-signed TLS certificate (PEM). */
  readonly certificate: string;
  /** The four endpoint variables, ready to merge into the environment given to `loadConfig`. */
  readonly env: Readonly<Record<string, string>>;
  /**
   * Signs a token as the Bot Framework channel would for an activity from `serviceUrl`; `extra`
   * adds claims the channel never sets (`ver`, `appid`, `tid`), to shape Emulator or skill tokens.
   */
  channelToken(claims: {
    serviceUrl: string;
    audience?: string;
    issuer?: string;
    expiresInSeconds?: number;
    key?: SigningKey;
    extra?: Record<string, unknown>;
  }): Promise<string>;
  /** Outbound token requests, oldest first. */
  tokenRequests(): TokenRequest[];
  /** The access tokens handed to the bot, for checking the connector's Authorization headers. */
  issuedTokens(): string[];
  close(): Promise<void>;
}

/** The public Bot Framework issuer: tokens look like production ones, only the keys are local. */
const CHANNEL_ISSUER = 'https://api.botframework.com';
const OUTBOUND_SCOPE = 'https://api.botframework.com';

/** Starts the stub on 127.0.0.1 and a free port, for the bot registered as `appId` / `appPassword`. */
export async function startBotAuthStub(app: { appId: string; appPassword: string }): Promise<BotAuthStub> {
  const tls = selfSignedCertificate();
  const keys = { msteams: await signingKey('msteams-key', ['msteams']), webchat: await signingKey('webchat-key', ['webchat']) };
  // Reuses the Teams key's id, so only the signature tells it apart: a forged token.
  const unpublished = await signingKey('msteams-key', ['msteams']);
  const tokenRequests: TokenRequest[] = [];
  const issued: string[] = [];
  let url = '';

  const routes: Record<string, (body: URLSearchParams) => [number, unknown]> = {
    'GET /v1/.well-known/openidconfiguration': () => [
      200,
      { issuer: CHANNEL_ISSUER, jwks_uri: `${url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] },
    ],
    'GET /v1/.well-known/keys': () => [200, { keys: [keys.msteams.jwk, keys.webchat.jwk] }],
    // What MSAL reads before asking for a token (Entra's v2.0 discovery document).
    'GET /botframework.com/v2.0/.well-known/openid-configuration': () => [
      200,
      {
        issuer: `${url}/botframework.com/v2.0`,
        authorization_endpoint: `${url}/botframework.com/oauth2/v2.0/authorize`,
        token_endpoint: `${url}/botframework.com/oauth2/v2.0/token`,
        jwks_uri: `${url}/v1/.well-known/keys`,
      },
    ],
    'POST /botframework.com/oauth2/v2.0/token': (body) => {
      const granted = body.get('client_id') === app.appId && body.get('client_secret') === app.appPassword;
      tokenRequests.push({ clientId: body.get('client_id'), scope: body.get('scope'), grantType: body.get('grant_type'), granted });
      if (!granted) return [401, { error: 'invalid_client', error_description: 'unknown client or wrong secret' }];
      const accessToken = `stand-in-access-token-${randomUUID()}`;
      issued.push(accessToken);
      return [200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: accessToken }];
    },
  };

  const server = https.createServer({ key: tls.key, cert: tls.certificate }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const route = routes[`${req.method} ${new URL(req.url ?? '/', url).pathname}`];
      const [status, body] = route ? route(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) : [404, { error: 'not_found' }];
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const openIdMetadataUrl = `${url}/v1/.well-known/openidconfiguration`;
  const loginUrl = `${url}/botframework.com`;
  return {
    url,
    openIdMetadataUrl,
    issuer: CHANNEL_ISSUER,
    loginUrl,
    certificate: tls.certificate,
    env: {
      ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      ToChannelFromBotLoginUrl: loginUrl,
      ToChannelFromBotOAuthScope: OUTBOUND_SCOPE,
    },
    async channelToken({ serviceUrl, audience = app.appId, issuer = CHANNEL_ISSUER, expiresInSeconds = 3600, key = 'msteams', extra = {} }) {
      const signer = key === 'unpublished' ? unpublished : keys[key];
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...extra, serviceurl: serviceUrl })
        .setProtectedHeader({ alg: 'RS256', kid: signer.jwk.kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setNotBefore(Math.min(now, now + expiresInSeconds) - 300)
        .setExpirationTime(now + expiresInSeconds)
        .sign(signer.privateKey);
    },
    tokenRequests: () => [...tokenRequests],
    issuedTokens: () => [...issued],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Makes this process's HTTPS clients trust the stub: MSAL and botbuilder's key fetch use Node's
 * global agent, and `NODE_EXTRA_CA_CERTS` is only read at start-up. Each vitest file runs in its
 * own worker, so this stays within the file that calls it.
 */
export function trust(stub: Pick<BotAuthStub, 'certificate'>): void {
  https.globalAgent.options.ca = [stub.certificate];
}

async function signingKey(kid: string, endorsements: string[]): Promise<{ jwk: Record<string, unknown> & { kid: string }; privateKey: CryptoKey }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256', endorsements }, privateKey };
}

function selfSignedCertificate(): { key: string; certificate: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-auth-stub-'));
  try {
    const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    return { key: fs.readFileSync(keyFile, 'utf8'), certificate: fs.readFileSync(certFile, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
