import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { readCsv } from '../../shared/csv/csv-table.js';
import type restify from 'restify';
import { createBotRoute } from '../../bot/index.js';
import { AppBot, type AppBotOptions } from '../../bot/app-bot.js';
import { createHttpServer, listen, MAX_BODY_BYTES } from '../../server/http-server.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startConnectorStandIn, type ConnectorStandIn } from './connector-stand-in.js';
import { TEST_TENANT_ID, type TeamsAccount, type TeamsActivity } from './teams-activities.js';

/** A person in Teams who is (or is not) in the demo staff directory. */
export interface TeamsUser {
  readonly account: TeamsAccount;
  readonly upn: string;
}

/** The Entra object ids the demo directory lists: Teams presents a demo person with theirs. */
const DEMO_OBJECT_IDS = new Map(
  readCsv(fs.readFileSync(path.resolve(import.meta.dirname, '../../shared/programme/demo-staff.csv'), 'utf8')).rows.map(({ values }) => [
    values.upn ?? '',
    values.entra_object_id ?? '',
  ]),
);

/** A Teams account: a demo person's own object id, or (for someone the directory lacks) one made from the UPN. */
export function teamsUser(upn: string, name: string, aadObjectId = DEMO_OBJECT_IDS.get(upn) || objectIdFrom(upn)): TeamsUser {
  return { upn, account: { id: `29:${upn}`, name, aadObjectId } };
}

function objectIdFrom(text: string): string {
  const hex = Buffer.from(text).toString('hex').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The app's bot on a real HTTP server in local mode, with the Bot Connector stand-in receiving
 * its replies and answering roster look-ups: the whole path a Teams message takes, minus Teams.
 */
export interface BotHarness {
  readonly connector: ConnectorStandIn;
  /** The server's origin (`http://127.0.0.1:<port>`): `/api/messages` and whatever else is mounted. */
  readonly baseUrl: string;
  /** Posts an activity to /api/messages; returns the HTTP status and JSON body (invoke responses). */
  post(activity: TeamsActivity): Promise<{ status: number; body: unknown }>;
  /** Makes Teams' roster answer for these users in a conversation (TeamsInfo.getMember). */
  enrol(conversationId: string, users: readonly TeamsUser[]): void;
  close(): Promise<void>;
}

/** `alsoMount` puts more routes on the same server (the whole app: the tab's API beside the bot). */
export async function startBotHarness(
  ctx: UseCaseContext,
  options?: AppBotOptions,
  alsoMount: readonly ((server: restify.Server) => void)[] = [],
): Promise<BotHarness> {
  const connector = await startConnectorStandIn({ rateLimits: false });
  const logger = pino({ level: 'silent' });
  const route = createBotRoute({
    bot: new AppBot(ctx, options),
    credentials: {},
    allowedTenantIds: [TEST_TENANT_ID],
    idempotency: ctx.store.repositories.idempotency,
    logger,
    maxBodyBytes: MAX_BODY_BYTES,
    now: () => ctx.clock.now(),
  });
  const server: restify.Server = createHttpServer({ store: ctx.store, logger, mounts: [route, ...alsoMount] });
  const baseUrl = `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}`;
  const endpoint = `${baseUrl}/api/messages`;
  return {
    connector,
    baseUrl,
    async post(activity) {
      const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    enrol(conversationId, users) {
      connector.setMembers(
        conversationId,
        users.map((user) => ({
          id: user.account.id,
          aadObjectId: user.account.aadObjectId,
          name: user.account.name,
          userPrincipalName: user.upn,
          email: user.upn,
        })),
      );
    },
    async close() {
      server.close();
      await connector.close();
    },
  };
}
