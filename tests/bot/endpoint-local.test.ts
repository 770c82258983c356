import http from 'node:http';
import { pino } from 'pino';
import type restify from 'restify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBotRoute } from '../../bot/index.js';
import { EchoBot } from '../support/echo-bot.js';
import { loadConfig } from '../../server/config.js';
import { createHttpServer, listen, MAX_BODY_BYTES } from '../../server/http-server.js';
import type { IdempotencyRepository } from '../../shared/ports/activity-ports.js';
import type { Store } from '../../shared/ports/store.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connector-stand-in.js';
import {
  adaptiveCardAction,
  channelMessage,
  FOREIGN_TENANT_ID,
  groupChatMessage,
  personalMessage,
  TEST_TENANT_ID,
  type TeamsActivity,
} from '../support/teams-activities.js';

/** The echo bot, counting the turns it runs and failing on 'fail' so onTurnError can be seen. */
class TestBot extends EchoBot {
  turns = 0;
  protected override answer(text: string): string {
    this.turns += 1;
    if (text === 'fail') throw new Error('boom in /srv/app/secret-path.ts');
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

describe('bot endpoint in local mode (no credentials)', () => {
  const bot = new TestBot();
  const idempotency = new MemoryIdempotency();
  const logs: { level: number; msg: string; tenantId?: string; err?: { message: string } }[] = [];
  let connector: ConnectorStandIn;
  let server: restify.Server;
  let endpoint: string;

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    const config = loadConfig({ ALLOWED_TENANT_IDS: TEST_TENANT_ID });
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
    await connector.close();
  });
  afterEach(() => {
    connector.reset();
    idempotency.keys.clear();
    bot.turns = 0;
    logs.length = 0;
  });

  const post = (activity: TeamsActivity | string) =>
    fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
  const replies = () => connector.received({ delivered: true });
  const nothingProcessed = () => {
    expect(bot.turns).toBe(0);
    expect(idempotency.keys.size).toBe(0);
    expect(connector.received()).toEqual([]);
  };

  describe('replies', () => {
    it.each([
      ['a personal chat', personalMessage, 'ja-JP', '会議', '会議'],
      ['a personal chat', personalMessage, 'en-US', 'meetings', 'meetings'],
      ['a group chat', groupChatMessage, 'ja-JP', '会議', '会議'],
      ['a group chat', groupChatMessage, 'en-US', 'meetings', 'meetings'],
      ['a channel', channelMessage, 'ja-JP', '会議', '会議'],
      ['a channel', channelMessage, 'en-US', 'meetings', 'meetings'],
    ] as const)('answers in %s (%s) with the text, the @mention stripped', async (_kind, build, locale, text, expected) => {
      const activity = build(text, { serviceUrl: connector.url, locale });
      const response = await post(activity);
      expect(response.status).toBe(200);
      const [reply] = replies();
      expect(replies()).toHaveLength(1);
      expect(reply).toMatchObject({
        operation: 'replyToActivity',
        conversationId: activity.conversation.id,
        activityId: activity.id,
        authorization: undefined,
      });
      expect(reply?.body).toMatchObject({ type: 'message', text: expected, replyToId: activity.id });
    });

    it('answers a card action in the invoke response', async () => {
      const response = await post(adaptiveCardAction('rsvp', { meetingId: 'm1' }, { serviceUrl: connector.url }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'rsvp' });
    });
  });

  describe('resends', () => {
    it('runs a message Teams sends twice only once, and acknowledges the repeat', async () => {
      const activity = personalMessage('会議', { serviceUrl: connector.url });
      expect((await post(activity)).status).toBe(200);
      expect((await post(activity)).status).toBe(200);
      expect(bot.turns).toBe(1);
      expect(replies()).toHaveLength(1);
      expect([...idempotency.keys.keys()]).toEqual([`activity:${activity.conversation.id}:${activity.id}`]);
    });

    it('runs a repeated card action once', async () => {
      const activity = adaptiveCardAction('rsvp', {}, { serviceUrl: connector.url, conversation: 'channel' });
      await post(activity);
      expect((await post(activity)).status).toBe(200);
      expect(bot.turns).toBe(1);
    });

    it('treats the same activity id in another conversation as a different activity', async () => {
      await post(personalMessage('会議', { serviceUrl: connector.url, id: 'same-id' }));
      await post(groupChatMessage('会議', { serviceUrl: connector.url, id: 'same-id' }));
      expect(bot.turns).toBe(2);
    });
  });

  describe('failures', () => {
    it.each([
      ['ja-JP', '申し訳ありません。処理中にエラーが発生しました。時間をおいてもう一度お試しください。'],
      ['en-US', 'Sorry, something went wrong while processing your request. Please try again in a little while.'],
    ] as const)('apologises in the user’s language (%s) without showing the error', async (locale, apology) => {
      const response = await post(personalMessage('fail', { serviceUrl: connector.url, locale }));
      expect(response.status).toBe(200);
      const sent = replies().map((request) => request.body?.text);
      expect(sent).toEqual([apology]);
      expect(JSON.stringify(replies())).not.toMatch(/boom|secret-path|at .*\.ts/);
      expect(logs.find((entry) => entry.msg === 'bot turn failed')?.err?.message).toContain('boom');
    });

    it('apologises inside the card when a card action fails', async () => {
      const response = await post(adaptiveCardAction('fail', {}, { serviceUrl: connector.url, locale: 'en-US' }));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { value: string };
      expect(body.value).toMatch(/^Sorry, something went wrong/);
      expect(replies()).toEqual([]);
    });
  });

  describe('refusals', () => {
    it('refuses an activity from a tenant that is not allowed with 403, runs nothing and logs it', async () => {
      const response = await post(personalMessage('会議', { serviceUrl: connector.url, tenantId: FOREIGN_TENANT_ID }));
      expect(response.status).toBe(403);
      nothingProcessed();
      expect(logs).toContainEqual(expect.objectContaining({ level: 40, tenantId: FOREIGN_TENANT_ID }));
    });

    it('finds the tenant in conversation.tenantId when channelData has none', async () => {
      const activity = personalMessage('会議', { serviceUrl: connector.url, tenantId: FOREIGN_TENANT_ID });
      expect((await post({ ...activity, channelData: {} })).status).toBe(403);
      const allowed = personalMessage('会議', { serviceUrl: connector.url, tenantId: TEST_TENANT_ID.toUpperCase() });
      expect((await post({ ...allowed, channelData: {} })).status).toBe(200);
    });

    it('refuses a body over the size limit with 413 before reading it as JSON', async () => {
      const activity = personalMessage('x'.repeat(MAX_BODY_BYTES), { serviceUrl: connector.url });
      const response = await post(activity);
      expect(response.status).toBe(413);
      nothingProcessed();
    });

    it('refuses an oversize body sent without a Content-Length (chunked) with 413', async () => {
      const status = await postChunked(endpoint, [Buffer.alloc(64 * 1024, 0x20), Buffer.alloc(MAX_BODY_BYTES, 0x20), Buffer.from('{}')]);
      expect(status).toBe(413);
      nothingProcessed();
    });

    it.each([
      ['malformed JSON', '{"type": "message",'],
      ['JSON that is not an activity', '[1, 2, 3]'],
      ['an activity without a serviceUrl', JSON.stringify({ type: 'message', conversation: { id: 'a:1' } })],
    ])('answers 400 to %s', async (_what, body) => {
      expect((await post(body)).status).toBe(400);
      nothingProcessed();
    });
  });
});

/** Posts with Transfer-Encoding: chunked, as a client that does not declare the size would. */
function postChunked(url: string, chunks: readonly Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}
