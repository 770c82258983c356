import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LOCAL_TENANT_ID } from '../../tab/api/auth/local-issuer.js';
import { createTabAuth } from '../../tab/api/auth/tab-auth.js';
import { createTab } from '../../tab/index.js';
import { CLIENT_ID, OTHER_TENANT, startEntraStandIn, TAB_DOMAIN, TENANT, type EntraStandIn } from './support/entra-stand-in.js';
import { startTabWorld, STAFF, type TabWorld } from './support/tab-world.js';

describe('tab API authentication with Entra (Teams SSO) tokens', () => {
  let entra: EntraStandIn;
  let world: TabWorld;
  beforeAll(async () => {
    entra = await startEntraStandIn();
    world = await startTabWorld({ auth: { mode: 'entra', clientId: CLIENT_ID, domain: TAB_DOMAIN, allowedTenantIds: [TENANT], jwksUrl: entra.jwksUrl } });
  });
  afterAll(async () => {
    await world?.close();
    await entra?.close();
  });

  const me = (token?: string) => fetch(`${world.baseUrl}/api/v1/me`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

  it('accepts a v2 token for api://<domain>/<client id> and maps preferred_username to the directory entry', async () => {
    const response = await me(await entra.sign());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ staffId: STAFF.author.id, displayName: STAFF.author.displayName });
    // The first sign-in links the Entra object id, so later look-ups need only the oid.
    expect((await world.ctx.store.repositories.staff.get(STAFF.author.id))?.entraObjectId).toBe('oid-author');
  });

  it('accepts a v1 token (sts.windows.net issuer, upn claim, bare client id audience)', async () => {
    const token = await entra.sign({
      iss: `https://sts.windows.net/${TENANT}/`,
      aud: CLIENT_ID,
      preferred_username: undefined,
      upn: 'secretary@city.example',
      oid: 'oid-secretary',
      ver: '1.0',
    });
    const response = await me(token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ staffId: STAFF.secretary.id, roles: { secretariat: true } });
  });

  it.each([
    ['no token at all', async () => undefined],
    ['a wrong issuer', async () => entra.sign({ iss: 'https://login.example.com/v2.0' })],
    ['an issuer of another tenant than the tid claim', async () => entra.sign({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ['a wrong audience', async () => entra.sign({ aud: 'api://tab.city.example/another-app' })],
    ['an expired token', async () => entra.sign({}, { expiresInSeconds: -600 })],
    ['a tenant that is not allowed', async () => entra.sign({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ['a token without the access_as_user scope', async () => entra.sign({ scp: 'User.Read' })],
    ['a signature by an unknown key', async () => entra.sign({}, { key: 'stranger' })],
    [
      'an unsigned (alg none) token',
      async () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, aud: CLIENT_ID, tid: TENANT, scp: 'access_as_user', exp: Math.floor(Date.now() / 1000) + 600 })}.x`;
      },
    ],
  ])('answers 401 to %s, without saying why', async (_case, makeToken) => {
    const response = await me(await makeToken());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('auth.unauthenticated');
    expect(body.error.message).toContain('サインイン');
  });

  it('refuses a second Entra account for a linked UPN: read-only, told whom to ask, and the link kept', async () => {
    await me(await entra.sign());
    const impostor = await entra.sign({ oid: 'oid-someone-else' });
    const viewer = (await (await me(impostor)).json()) as { staffId?: string; directoryNotice?: { code: string; message: string } };
    expect(viewer.staffId).toBeUndefined();
    expect(viewer.directoryNotice).toMatchObject({ code: 'staff.identityConflict' });
    expect(viewer.directoryNotice?.message).toContain('管理者（政策企画課）');
    const acting = await fetch(`${world.baseUrl}/api/v1/proposals/mine`, { headers: { Authorization: `Bearer ${impostor}` } });
    expect(acting.status).toBe(403);
    expect(((await acting.json()) as { error: { code: string } }).error.code).toBe('staff.identityConflict');
    expect((await world.ctx.store.repositories.staff.get(STAFF.author.id))?.entraObjectId).toBe('oid-author');
  });

  it('refuses a token from the local-mode issuer', async () => {
    const token = await entra.sign({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, tid: LOCAL_TENANT_ID });
    expect((await me(token)).status).toBe(401);
  });

  it('does not offer local sign-in outside local mode', async () => {
    const status = await fetch(`${world.baseUrl}/api/v1/local-auth/status`);
    expect(await status.json()).toEqual({ localMode: false });
    const token = await fetch(`${world.baseUrl}/api/v1/local-auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ staffId: STAFF.secretary.id }),
    });
    expect(token.status).toBe(404);
    expect((await fetch(`${world.baseUrl}/api/v1/local-auth/jwks`)).status).toBe(404);
    expect((await fetch(`${world.baseUrl}/api/v1/local-auth/staff`)).status).toBe(404);
  });
});

describe('tab API authentication in local mode', () => {
  let world: TabWorld;
  beforeAll(async () => {
    world = await startTabWorld({ auth: { mode: 'local' } });
  });
  afterAll(() => world?.close());

  it('issues tokens for directory entries that the same validator accepts, and publishes its JWKS', async () => {
    const issued = await fetch(`${world.baseUrl}/api/v1/local-auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ staffId: STAFF.author.id }),
    });
    const { token } = (await issued.json()) as { token: string };
    const response = await fetch(`${world.baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await response.json()).toMatchObject({ staffId: STAFF.author.id });
    const jwks = (await (await fetch(`${world.baseUrl}/api/v1/local-auth/jwks`)).json()) as { keys: { kty: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it('refuses a token for someone not in the directory and a token signed elsewhere', async () => {
    const unknown = await fetch(`${world.baseUrl}/api/v1/local-auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ staffId: 'nobody' }),
    });
    expect(unknown.status).toBe(404);
    const entra = await startEntraStandIn();
    try {
      const foreign = await entra.sign({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, tid: LOCAL_TENANT_ID });
      expect((await fetch(`${world.baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${foreign}` } })).status).toBe(401);
    } finally {
      await entra.close();
    }
  });
});

describe('production never trusts the local issuer', () => {
  it('refuses to build local-mode authentication when NODE_ENV=production', () => {
    expect(() => createTabAuth({ mode: 'local' }, 'production')).toThrow(/production/);
  });

  it('refuses Entra mode without allowed tenants or a client id, naming the variable', () => {
    expect(() => createTabAuth({ mode: 'entra', clientId: CLIENT_ID, allowedTenantIds: [] }, 'production')).toThrow(/ALLOWED_TENANT_IDS/);
    expect(() => createTabAuth({ mode: 'entra', clientId: '', allowedTenantIds: [TENANT] }, 'production')).toThrow(/AAD_APP_CLIENT_ID/);
  });

  it('builds the tab from a production configuration in Entra mode (the bot app id as SSO client by default)', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: CLIENT_ID,
      MicrosoftAppPassword: 'secret',
      ALLOWED_TENANT_IDS: TENANT,
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://app@db/app',
    });
    expect(config.tab.clientId).toBeUndefined();
    const ctx = { store: {} as never, clock: { now: () => new Date() }, newId: () => 'x' };
    expect(() => createTab({ ctx, logger: console, config })).not.toThrow();
  });
});
