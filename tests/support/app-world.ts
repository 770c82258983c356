import { pino } from 'pino';
import { AppBot, createBotRoute } from '../../bot/index.js';
import { createHttpServer, listen, MAX_BODY_BYTES } from '../../server/http-server.js';
import type { NotificationScheduler } from '../../server/notification-scheduler.js';
import type { Clock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { createTabRoutes } from '../../tab/api/index.js';
import { callApi, type CallResult } from '../tab/support/http-caller.js';
import type { BotHarness, TeamsUser } from './bot-harness.js';
import { startConnectorStandIn } from './connector-stand-in.js';
import { notificationScheduler } from './notification-harness.js';
import { openProgrammeContext } from './programme-store.js';
import { TEST_TENANT_ID } from './teams-activities.js';

/** One person in the tab: signed in through local mode's picker, calling the API with their token. */
export interface TabSession {
  readonly staffId: string;
  call(method: string, path: string, body?: unknown): Promise<CallResult>;
}

/**
 * The whole app as `npm start` runs it in local mode, in one process: the bot's `/api/messages`
 * and the tab's `/api/v1/` on one HTTP server over one store (the FY2024 programme and the demo
 * directory), the Bot Connector stand-in taking replies and proactive messages, and the real
 * notification scheduler run pass by pass. A journey can cross every face in any order.
 */
export interface AppWorld extends BotHarness {
  readonly ctx: UseCaseContext;
  readonly baseUrl: string;
  readonly scheduler: NotificationScheduler;
  /** Signs a demo person in to the tab as the picker does (by UPN), as the tab would first contact them. */
  signIn(user: TeamsUser | string): Promise<TabSession>;
}

/**
 * `relink` is local mode's `allow` by default, as server/use-case-context.ts builds it; `refuse`
 * gives the identity rules of a real tenant while keeping the local sign-in.
 */
export async function startAppWorld(clock: Clock, options: { relink?: 'allow' | 'refuse' } = {}): Promise<AppWorld> {
  const programme = await openProgrammeContext(clock);
  const ctx: UseCaseContext = { ...programme, identity: { relink: options.relink ?? 'allow' } };
  const connector = await startConnectorStandIn({ rateLimits: false });
  const logger = pino({ level: 'silent' });
  const botRoute = createBotRoute({
    bot: new AppBot(ctx),
    credentials: {},
    allowedTenantIds: [TEST_TENANT_ID],
    idempotency: ctx.store.repositories.idempotency,
    logger,
    maxBodyBytes: MAX_BODY_BYTES,
    now: () => ctx.clock.now(),
  });
  const tabRoutes = createTabRoutes({ ctx, logger, auth: { mode: 'local' }, nodeEnv: 'test' });
  const server = createHttpServer({ store: ctx.store, logger, mounts: [botRoute, tabRoutes] });
  const baseUrl = `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}`;

  return {
    ctx,
    baseUrl,
    connector,
    scheduler: notificationScheduler(ctx),
    async post(activity) {
      const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    enrol(conversationId, users) {
      connector.setMembers(
        conversationId,
        users.map((user) => ({ id: user.account.id, aadObjectId: user.account.aadObjectId, name: user.account.name, userPrincipalName: user.upn, email: user.upn })),
      );
    },
    async signIn(user) {
      const upn = typeof user === 'string' ? user : user.upn;
      const picker = (await callApi(baseUrl, undefined, 'GET', '/api/v1/local-auth/staff')).json() as { staffId: string; upn: string }[];
      const person = picker.find((entry) => entry.upn === upn);
      if (!person) throw new Error(`${upn} is not in the sign-in picker`);
      const { token } = (await callApi(baseUrl, undefined, 'POST', '/api/v1/local-auth/token', { staffId: person.staffId })).json() as { token: string };
      return { staffId: person.staffId, call: (method, path, body) => callApi(baseUrl, token, method, path, body) };
    },
    async close() {
      server.close();
      await connector.close();
      await ctx.store.close();
    },
  };
}
