/**
 * The bot's composition root: credentials → Bot Framework authentication → CloudAdapter with its
 * onTurnError → the route `POST /api/messages`. Every botbuilder import of the app stays under
 * `bot/`, so the move to the Teams SDK touches this folder only.
 */
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { IdempotencyRepository } from '../shared/ports/activity-ports.js';
import type { ConversationSender, NotificationRenderer } from '../shared/ports/notification-ports.js';
import type { Repositories } from '../shared/ports/store.js';
import { createConnectorSender } from './notifications/connector-sender.js';
import { createNotificationRenderer } from './notifications/notification-renderer.js';
import { createActivityEndpoint } from './adapter/activity-endpoint.js';
import { createBotFrameworkAuthentication, type BotCredentials } from './adapter/bot-authentication.js';
import { EndpointCloudAdapter } from './adapter/endpoint-cloud-adapter.js';
import { createTurnErrorHandler } from './adapter/turn-error.js';

export type { BotAuthEndpoints, BotCredentials } from './adapter/bot-authentication.js';
export type { EndpointCloudAdapter } from './adapter/endpoint-cloud-adapter.js';
export { AppBot, DEFAULT_TYPING_DELAY_MS } from './app-bot.js';

/** Request bodies above this are refused with 413 when the host gives no limit of its own. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** What the messaging endpoint is built from; `server/main.ts` passes its config, store and logger. */
export interface BotRouteDeps {
  /** The activity handler each turn runs (the command router). */
  readonly bot: ActivityHandler;
  /** `config.bot`; without an app id the endpoint runs in local mode and checks no tokens. */
  readonly credentials: BotCredentials;
  /** `config.allowedTenantIds`; empty accepts every tenant. */
  readonly allowedTenantIds: readonly string[];
  /** `store.repositories.idempotency`: remembers inbound activity ids so a resend runs once. */
  readonly idempotency: IdempotencyRepository;
  readonly logger: Logger;
  /** Larger request bodies are refused with 413 before parsing; `MAX_BODY_BYTES` of the host. */
  readonly maxBodyBytes?: number;
  /** The instant recorded with each claimed activity id. */
  readonly now?: () => Date;
  /** The adapter, when proactive senders share it; otherwise one is built from `credentials`. */
  readonly adapter?: EndpointCloudAdapter;
  /**
   * Adds fields to the log context of the current request (`addLogFields` of `server/log-context.ts`),
   * so every line of a turn names its activity and conversation.
   */
  readonly addLogFields?: (fields: Record<string, unknown>) => void;
}

/**
 * The CloudAdapter for these credentials, with an onTurnError that logs the failure and apologises
 * to the user in their language. Notifications use the same adapter to send proactively.
 */
export function createBotAdapter(deps: { readonly credentials: BotCredentials; readonly logger: Logger }): EndpointCloudAdapter {
  const adapter = new EndpointCloudAdapter(createBotFrameworkAuthentication(deps.credentials));
  adapter.onTurnError = createTurnErrorHandler(deps.logger);
  return adapter;
}

/** Mounts `POST /api/messages`, the endpoint registered with Azure Bot Service. */
export function createBotRoute(deps: BotRouteDeps): (server: Server) => void {
  const endpoint = createActivityEndpoint({
    adapter: deps.adapter ?? createBotAdapter(deps),
    bot: deps.bot,
    allowedTenantIds: deps.allowedTenantIds,
    idempotency: deps.idempotency,
    logger: deps.logger,
    maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    now: deps.now ?? (() => new Date()),
    addLogFields: deps.addLogFields,
  });
  return (server) => {
    server.post('/api/messages', endpoint);
  };
}

/**
 * How notifications reach Teams: the Bot Connector sender (signed with the bot's credentials) and
 * the renderer that turns outbox rows into cards. The scheduler in `server/` drives them.
 * `teamsAppId` (the context's) lets the cards link into the tab.
 */
export function createNotificationDelivery(
  credentials: BotCredentials,
  repositories: Repositories,
  options: { readonly teamsAppId?: string | undefined } = {},
): { sender: ConversationSender; renderer: NotificationRenderer } {
  return { sender: createConnectorSender(credentials), renderer: createNotificationRenderer(repositories, options) };
}
