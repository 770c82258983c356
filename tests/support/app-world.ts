import { pino } from 'pino';
import type { NotificationScheduler } from '../../server/notification-scheduler.js';
import type { Clock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { createTabRoutes } from '../../tab/api/index.js';
import { callApi, type CallResult } from '../tab/support/http-caller.js';
import { startBotHarness, type BotHarness, type TeamsUser } from './bot-harness.js';
import { notificationScheduler } from './notification-harness.js';
import { openProgrammeContext } from './programme-store.js';

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
  const tabRoutes = createTabRoutes({ ctx, logger: pino({ level: 'silent' }), auth: { mode: 'local' }, nodeEnv: 'test' });
  const bot = await startBotHarness(ctx, undefined, [tabRoutes]);
  const { baseUrl } = bot;
  return {
    ...bot,
    ctx,
    scheduler: notificationScheduler(ctx),
    async signIn(user) {
      const upn = typeof user === 'string' ? user : user.upn;
      const picker = (await callApi(baseUrl, undefined, 'GET', '/api/v1/local-auth/staff')).json() as { staffId: string; upn: string }[];
      const person = picker.find((entry) => entry.upn === upn);
      if (!person) throw new Error(`${upn} is not in the sign-in picker`);
      const { token } = (await callApi(baseUrl, undefined, 'POST', '/api/v1/local-auth/token', { staffId: person.staffId })).json() as { token: string };
      return { staffId: person.staffId, call: (method, path, body) => callApi(baseUrl, token, method, path, body) };
    },
    async close() {
      await bot.close();
      await ctx.store.close();
    },
  };
}
