import { Writable } from 'node:stream';
import type { TurnContext } from 'botbuilder';
import type restify from 'restify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBotRoute } from '../../bot/index.js';
import { createHttpServer, listen } from '../../server/http-server.js';
import { addLogFields } from '../../server/log-context.js';
import { createLogger, type Logger } from '../../server/logger.js';
import type { IdempotencyRepository } from '../../shared/ports/activity-ports.js';
import type { Store } from '../../shared/ports/store.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connector-stand-in.js';
import { EchoBot } from '../support/echo-bot.js';
import { personalMessage } from '../support/teams-activities.js';

/**
 * The production logger (`createLogger`) over real HTTP: every line written while a request is
 * handled — by the route, by code it awaits or schedules, by a bot turn — carries that request's
 * id, and a bot activity's lines also name the activity and its conversation.
 */

interface Line {
  msg: string;
  requestId?: string;
  activityId?: string;
  conversationId?: string;
  [field: string]: unknown;
}

const lines: Line[] = [];
const logger: Logger = createLogger(
  'info',
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  }),
);

/** A bot that logs during its turn through the shared logger, as any component would, without ids. */
class LoggingBot extends EchoBot {
  constructor() {
    super();
    this.onMessage(async (_context: TurnContext, next) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.info('bot component did something');
      await next();
    });
  }
}

const idempotency: IdempotencyRepository = { claim: async () => true };
const store = { repositories: { idempotency }, ping: async () => true } as unknown as Store;

describe('request and activity ids in the logs', () => {
  let connector: ConnectorStandIn;
  let server: restify.Server;
  let url: string;

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    const botRoute = createBotRoute({ bot: new LoggingBot(), credentials: {}, allowedTenantIds: [], idempotency, logger, addLogFields });
    const slowRoute = (s: restify.Server) =>
      s.get('/test/work', async (req, res) => {
        logger.info('handler started');
        await new Promise((resolve) => setTimeout(resolve, Number((req.query as { ms?: string } | undefined)?.ms ?? 0)));
        setImmediate(() => logger.info('scheduled work ran'));
        await new Promise((resolve) => setTimeout(resolve, 5));
        res.json(200, { ok: true });
      });
    server = createHttpServer({ store, logger, mounts: [botRoute, slowRoute] });
    url = `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}`;
  });
  afterAll(async () => {
    server.close();
    await connector.close();
  });
  afterEach(() => {
    lines.length = 0;
  });

  it('gives every request an id, echoes it, and puts it on every line written while the request is handled', async () => {
    // Two requests at once, the first finishing last, so a shared or leaked context would show.
    const [slow, fast] = await Promise.all([fetch(`${url}/test/work?ms=80`), fetch(`${url}/test/work?ms=0`)]);
    const ids = [slow.headers.get('x-request-id'), fast.headers.get('x-request-id')];
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    for (const id of ids) {
      expect(
        lines
          .filter((line) => line.requestId === id)
          .map((line) => line.msg)
          .sort(),
      ).toEqual(['handler started', 'request', 'scheduled work ran']);
    }
    expect(lines.find((line) => line.msg === 'request' && line.requestId === ids[0])).toMatchObject({ method: 'GET', path: '/test/work', status: 200 });
  });

  it("keeps the caller's x-request-id when it is a plain token and replaces one that is not", async () => {
    const kept = await fetch(`${url}/api/health`, { headers: { 'x-request-id': 'front-door.abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('front-door.abc-123');
    const replaced = await fetch(`${url}/api/health`, { headers: { 'x-request-id': 'x", "level": 60, "y' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("puts the bot activity's id, type and conversation on every line of its turn, and on the request line", async () => {
    const activity = personalMessage('hello', { serviceUrl: connector.url });
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    const turn = { requestId, activityId: activity.id, activityType: 'message', conversationId: activity.conversation.id };
    expect(lines.find((line) => line.msg === 'bot component did something')).toMatchObject(turn);
    expect(lines.find((line) => line.msg === 'request')).toMatchObject({ ...turn, path: '/api/messages', status: 200 });
    // The fields of one line never leak into the next.
    expect(Object.keys(lines.find((line) => line.msg === 'bot component did something') ?? {})).not.toContain('status');
  });

  it('writes nothing request-specific on lines outside a request', () => {
    logger.info('between requests');
    expect(lines.at(-1)).not.toHaveProperty('requestId');
    expect(lines.at(-1)).not.toHaveProperty('activityId');
  });
});
