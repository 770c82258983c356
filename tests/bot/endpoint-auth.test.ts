import { pino } from 'pino';
import type restify from 'restify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBotRoute } from '../../bot/index.js';
import { EchoBot } from '../support/echo-bot.js';
import { loadConfig } from '../../server/config.js';
import { createHttpServer, listen, MAX_BODY_BYTES } from '../../server/http-server.js';
import type { IdempotencyRepository } from '../../shared/ports/activity-ports.js';
import type { Store } from '../../shared/ports/store.js';
import { startBotAuthStub, trust, type BotAuthStub } from '../support/bot-auth-stub.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connector-stand-in.js';
import { channelMessage, FOREIGN_TENANT_ID, personalMessage, TEST_TENANT_ID, type TeamsActivity } from '../support/teams-activities.js';

const APP_ID = '0b7c3e2a-6f1d-4a59-b8e4-2c9d1f7a3b60';
const APP_PASSWORD = 'stand-in-secret';

class CountingBot extends EchoBot {
  turns = 0;
  protected override answer(text: string): string {
    this.turns += 1;
    return super.answer(text);
  }
}

/** Until the shared test store lands: the one repository the endpoint writes. */
class MemoryIdempotency implements IdempotencyRepository {
  readonly keys = new Map<string, Date>();
  async claim(key: string, at: Date): Promise<boolean> {
    if (this.keys.has(key)) return false;
    this.keys.set(key, at);
    return true;
  }
}

describe('bot endpoint with credentials (Bot Framework tokens)', () => {
  const bot = new CountingBot();
  const idempotency = new MemoryIdempotency();
  const logs: { level: number; msg: string; tenantId?: string; status?: number; reason?: string }[] = [];
  let auth: BotAuthStub;
  let connector: ConnectorStandIn;
  let server: restify.Server;
  let endpoint: string;

  beforeAll(async () => {
    // botbuilder prints every rejected token to the console; the endpoint already logs it.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    auth = await startBotAuthStub({ appId: APP_ID, appPassword: APP_PASSWORD });
    trust(auth);
    // The connector accepts only tokens the bot obtained from the auth stub.
    connector = await startConnectorStandIn({ authorize: (header) => auth.issuedTokens().some((token) => header === `Bearer ${token}`) });
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_PASSWORD,
      MicrosoftAppType: 'MultiTenant',
      ALLOWED_TENANT_IDS: TEST_TENANT_ID,
      DATABASE_URL: 'postgres://app@db.example.org/app',
      ...auth.env,
    });
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) });
    const route = createBotRoute({
      bot,
      credentials: config.bot,
      allowedTenantIds: config.allowedTenantIds,
      idempotency,
      logger,
      maxBodyBytes: MAX_BODY_BYTES,
    });
    const store = { repositories: { idempotency }, ping: async () => true } as unknown as Store;
    server = createHttpServer({ store, logger, mounts: [route] });
    endpoint = `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}/api/messages`;
  });
  afterAll(async () => {
    server.close();
    await Promise.all([connector.close(), auth.close()]);
  });
  afterEach(() => {
    connector.reset();
    idempotency.keys.clear();
    bot.turns = 0;
    logs.length = 0;
  });

  const message = (text = '会議') => channelMessage(text, { serviceUrl: connector.url, botAppId: APP_ID });
  const post = (activity: TeamsActivity, authorization?: string) =>
    fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
      body: JSON.stringify(activity),
    });
  const bearer = async (claims: Partial<Parameters<BotAuthStub['channelToken']>[0]> = {}) =>
    `Bearer ${await auth.channelToken({ serviceUrl: connector.url, ...claims })}`;

  it('runs an activity with a valid token and replies with a token of its own', async () => {
    const activity = message();
    const response = await post(activity, await bearer());
    expect(response.status).toBe(200);
    const [reply] = connector.received({ delivered: true });
    expect(reply).toMatchObject({ operation: 'replyToActivity', conversationId: activity.conversation.id, body: { text: '会議' } });
    expect(auth.issuedTokens().map((token) => `Bearer ${token}`)).toContain(reply?.authorization);
    expect(auth.tokenRequests()).toContainEqual({
      clientId: APP_ID,
      scope: 'https://api.botframework.com/.default',
      grantType: 'client_credentials',
      granted: true,
    });
  });

  it.each([
    ['no Authorization header', async () => undefined],
    ['a scheme other than Bearer', async () => (await bearer()).replace('Bearer', 'Basic')],
    ['a wrong issuer', () => bearer({ issuer: 'https://login.example.invalid' })],
    ['a token for another bot (wrong audience)', () => bearer({ audience: 'another-bot-app-id' })],
    ['an expired token', () => bearer({ expiresInSeconds: -600 })],
    ['a token issued for another serviceUrl', () => bearer({ serviceUrl: 'https://smba.example.invalid/amer/' })],
    ['a key not endorsed for msteams', () => bearer({ key: 'webchat' })],
    ['a forged signature', () => bearer({ key: 'unpublished' })],
    ['a token for another channel', () => bearer({ key: 'webchat' }), 'webchat'],
  ])('refuses %s with 401 and processes nothing', async (_case, authorization, channelId = 'msteams') => {
    const response = await post({ ...message(), channelId } as TeamsActivity, await authorization());
    expect(response.status).toBe(401);
    expect(bot.turns).toBe(0);
    expect(idempotency.keys.size).toBe(0);
    expect(connector.received()).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'bot endpoint refused a token', status: 401 }));
  });

  // botbuilder would send these to its Emulator, skill or ASE validators, which fetch Microsoft's
  // metadata from the internet; the reason shows they were refused before any validator ran.
  it.each([
    [
      'a token with an Entra (Emulator) issuer',
      () => bearer({ issuer: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', extra: { ver: '1.0', appid: APP_ID } }),
      'msteams',
      /wrong issuer/,
    ],
    ['a skill token', () => bearer({ audience: APP_ID, extra: { ver: '1.0', appid: 'another-bot-app-id' } }), 'msteams', /a skill token/],
    ['an activity that claims the AseChannel', () => bearer(), 'AseChannel', /AseChannel/],
  ])('refuses %s with 401 before botbuilder picks a validator for it', async (_case, authorization, channelId, reason) => {
    const response = await post({ ...message(), channelId } as TeamsActivity, await authorization());
    expect(response.status).toBe(401);
    expect(bot.turns).toBe(0);
    expect(idempotency.keys.size).toBe(0);
    expect(connector.received()).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers `any`
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'bot endpoint refused a token', status: 401, reason: expect.stringMatching(reason) }));
  });

  it('refuses a valid token from a tenant that is not allowed with 403 after authenticating', async () => {
    const activity = personalMessage('会議', { serviceUrl: connector.url, botAppId: APP_ID, tenantId: FOREIGN_TENANT_ID });
    expect((await post(activity)).status).toBe(401);
    const response = await post(activity, await bearer());
    expect(response.status).toBe(403);
    expect(bot.turns).toBe(0);
    expect(idempotency.keys.size).toBe(0);
    expect(connector.received()).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 40, tenantId: FOREIGN_TENANT_ID }));
  });

  it('runs an authenticated activity Teams resends only once', async () => {
    const activity = message();
    expect((await post(activity, await bearer())).status).toBe(200);
    expect((await post(activity, await bearer())).status).toBe(200);
    expect(bot.turns).toBe(1);
    expect(connector.received({ delivered: true })).toHaveLength(1);
  });
});

describe('bot endpoint configuration', () => {
  it('refuses token endpoints that are not HTTPS, naming the variable', () => {
    const credentials = {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_PASSWORD,
      ALLOWED_TENANT_IDS: TEST_TENANT_ID,
      DATABASE_URL: 'postgres://app@db/app',
    };
    expect(() => loadConfig({ ...credentials, ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1/keys' })).toThrowError(/ToBotFromChannelOpenIdMetadataUrl/);
    expect(() => loadConfig({ ...credentials, ToChannelFromBotLoginUrl: 'http://127.0.0.1/botframework.com' })).toThrowError(/ToChannelFromBotLoginUrl/);
  });

  it('keeps the public Azure endpoints when none is set', () => {
    expect(
      loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, ALLOWED_TENANT_IDS: TEST_TENANT_ID, DATABASE_URL: 'postgres://app@db/app' }).bot
        .endpoints,
    ).toEqual({
      toBotFromChannelOpenIdMetadataUrl: undefined,
      toBotFromChannelTokenIssuer: undefined,
      toChannelFromBotLoginUrl: undefined,
      toChannelFromBotOAuthScope: undefined,
    });
  });
});
