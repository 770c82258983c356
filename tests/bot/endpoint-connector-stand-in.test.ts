import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connector-stand-in.js';

const TENANT = 'tenant-a';

function activity(conversationId: string, tenantId = TENANT): Record<string, unknown> {
  return { type: 'message', text: 'お知らせ', conversation: { id: conversationId, tenantId } };
}

async function send(connector: ConnectorStandIn, conversationId: string, init: { tenantId?: string; authorization?: string } = {}): Promise<Response> {
  return fetch(`${connector.url}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(init.authorization ? { Authorization: init.authorization } : {}) },
    body: JSON.stringify(activity(conversationId, init.tenantId)),
  });
}

async function sendMany(connector: ConnectorStandIn, conversationId: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push((await send(connector, conversationId)).status);
  return statuses;
}

describe('connector stand-in', () => {
  let clock = 0;
  let connector: ConnectorStandIn;

  beforeAll(async () => {
    connector = await startConnectorStandIn({ now: () => clock });
  });
  afterAll(() => connector.close());
  beforeEach(() => {
    clock = Date.UTC(2025, 3, 1, 0, 0, 0);
    connector.reset();
  });

  describe('protocol', () => {
    it('answers a send, a reply, an update and a delete like the Bot Connector and records each', async () => {
      const conversationId = '19:channel@thread.tacv2;messageid=1';
      const sent = await send(connector, conversationId, { authorization: 'Bearer token-1' });
      expect(sent.status).toBe(201);
      const { id } = (await sent.json()) as { id: string };
      expect(id).toEqual(expect.any(String));

      const base = `${connector.url}v3/conversations/${encodeURIComponent(conversationId)}/activities/${id}`;
      const json = { 'Content-Type': 'application/json' };
      expect((await fetch(base, { method: 'POST', headers: json, body: JSON.stringify(activity(conversationId)) })).status).toBe(201);
      const updated = await fetch(base, { method: 'PUT', headers: json, body: JSON.stringify(activity(conversationId)) });
      expect(await updated.json()).toEqual({ id });
      expect((await fetch(base, { method: 'DELETE' })).status).toBe(200);

      expect(connector.received().map((request) => request.operation)).toEqual(['sendToConversation', 'replyToActivity', 'updateActivity', 'deleteActivity']);
      expect(connector.received()[0]).toMatchObject({
        conversationId,
        authorization: 'Bearer token-1',
        tenantId: TENANT,
        status: 201,
        at: new Date(clock),
        body: { text: 'お知らせ' },
      });
      expect(connector.received({ operation: 'deleteActivity' })[0]).toMatchObject({ activityId: id, tenantId: TENANT });
    });

    it('creates a 1:1 conversation once per member and lists a roster', async () => {
      const parameters = { isGroup: false, bot: { id: '28:bot' }, members: [{ id: '29:user' }], tenantId: TENANT };
      const create = () =>
        fetch(`${connector.url}v3/conversations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(parameters) });
      const first = (await (await create()).json()) as { id: string };
      const second = (await (await create()).json()) as { id: string };
      expect(second.id).toBe(first.id);

      connector.setMembers(first.id, [{ id: '29:user', name: '山田 太郎' }]);
      const roster = await fetch(`${connector.url}v3/conversations/${encodeURIComponent(first.id)}/members`);
      expect(await roster.json()).toEqual([{ id: '29:user', name: '山田 太郎' }]);
    });

    it('answers 401 when the authorize hook refuses the header', async () => {
      const strict = await startConnectorStandIn({ authorize: (header) => header === 'Bearer good' });
      try {
        expect((await send(strict, 'a:1', { authorization: 'Bearer bad' })).status).toBe(401);
        expect((await send(strict, 'a:1', { authorization: 'Bearer good' })).status).toBe(201);
      } finally {
        await strict.close();
      }
    });
  });

  describe('Teams rate limits', () => {
    it('refuses the 8th message to a conversation within one second with 429 and Retry-After', async () => {
      expect(await sendMany(connector, 'a:1', 7)).toEqual(Array(7).fill(201));
      const throttled = await send(connector, 'a:1');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('Retry-After')).toBe('1');
      expect(await throttled.json()).toMatchObject({ error: { code: 'TooManyRequests' } });
      expect((await send(connector, 'a:2')).status).toBe(201);
    });

    it('allows 8 but not 9 messages within two seconds', async () => {
      await sendMany(connector, 'a:1', 7);
      clock += 1_001;
      expect((await send(connector, 'a:1')).status).toBe(201);
      const throttled = await send(connector, 'a:1');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('Retry-After')).toBe('1');
      clock += 1_000;
      expect((await send(connector, 'a:1')).status).toBe(201);
    });

    it('allows 60 but not 61 messages within 30 seconds', async () => {
      for (let i = 0; i < 60; i += 1) {
        expect((await send(connector, 'a:1')).status).toBe(201);
        clock += 450;
      }
      const throttled = await send(connector, 'a:1');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('Retry-After')).toBe('3');
    });

    it('allows 1,800 but not 1,801 messages within an hour', async () => {
      for (let i = 0; i < 1_800; i += 1) {
        expect((await send(connector, 'a:1')).status).toBe(201);
        clock += 1_000;
      }
      const throttled = await send(connector, 'a:1');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('Retry-After')).toBe('1800');
    });

    it('refuses the 51st request per second in one tenant, across conversations', async () => {
      for (let i = 0; i < 50; i += 1) expect((await send(connector, `a:${i}`)).status).toBe(201);
      const throttled = await send(connector, 'a:50');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('Retry-After')).toBe('1');
      expect((await send(connector, 'a:50', { tenantId: 'tenant-b' })).status).toBe(201);
    });

    it('records throttled requests without counting them towards the limits', async () => {
      await sendMany(connector, 'a:1', 10);
      expect(connector.received({ conversationId: 'a:1', delivered: true })).toHaveLength(7);
      expect(connector.received({ conversationId: 'a:1', delivered: false }).map((request) => request.status)).toEqual([429, 429, 429]);
      clock += 2_001;
      expect(await sendMany(connector, 'a:1', 7)).toEqual(Array(7).fill(201));
    });
  });

  describe('failures on demand', () => {
    it('answers 403 BotNotInConversationRoster once, then delivers again', async () => {
      connector.failNext('a:1', 403);
      const refused = await send(connector, 'a:1');
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: 'BotNotInConversationRoster' } });
      expect((await send(connector, 'a:1')).status).toBe(201);
    });

    it('answers 404 ConversationNotFound for that conversation only', async () => {
      connector.failNext('a:gone', 404);
      expect((await send(connector, 'a:other')).status).toBe(201);
      const missing = await send(connector, 'a:gone');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'ConversationNotFound' } });
    });

    it.each([412, 502, 503, 504] as const)('answers %i as many times as asked, with a custom code', async (status) => {
      connector.failNext('a:1', status, 'SomethingSpecific', 2);
      const first = await send(connector, 'a:1');
      expect(first.status).toBe(status);
      expect(await first.json()).toMatchObject({ error: { code: 'SomethingSpecific' } });
      expect((await send(connector, 'a:1')).status).toBe(status);
      expect((await send(connector, 'a:1')).status).toBe(201);
    });

    it('answers a programmed 429 with a Retry-After header', async () => {
      connector.failNext('a:1', 429);
      const throttled = await send(connector, 'a:1');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('Retry-After')).toBe('1');
    });
  });
});
