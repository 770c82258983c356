import { pino } from 'pino';
import { createConnectorSender } from '../../bot/notifications/connector-sender.js';
import { createNotificationRenderer } from '../../bot/notifications/notification-renderer.js';
import { createNotificationScheduler, type NotificationScheduler } from '../../server/notification-scheduler.js';
import type { ConversationTarget } from '../../shared/notifications/conversation-target.js';
import type { NotificationKind } from '../../shared/notifications/notification-kind.js';
import type { SendBudget } from '../../shared/ports/send-budget.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import type { ConnectorStandIn } from './connector-stand-in.js';
import { TEST_TENANT_ID } from './teams-activities.js';

/** A conversation the bot is installed in, addressed at the connector stand-in. */
export function conversationAt(connector: ConnectorStandIn, conversationId: string, fields: Partial<ConversationTarget> = {}): ConversationTarget {
  return {
    conversationId,
    kind: 'channel',
    serviceUrl: connector.url,
    tenantId: TEST_TENANT_ID,
    botId: '28:local-bot',
    teamId: '19:team@thread.tacv2',
    channelId: conversationId,
    locale: 'ja',
    active: true,
    updatedAt: new Date('2024-04-01T00:00:00Z'),
    ...fields,
  };
}

export async function subscribe(
  ctx: UseCaseContext,
  target: ConversationTarget,
  kinds: readonly NotificationKind[],
  about: { bodyId?: string; callId?: string } = {},
): Promise<void> {
  await ctx.store.repositories.conversations.upsert(target);
  await ctx.store.repositories.subscriptions.save({ conversationId: target.conversationId, kinds, ...about, updatedAt: ctx.clock.now() });
}

/**
 * The app's real scheduler (planner, dispatcher, Bot Connector sender, card renderer), run pass by
 * pass; without a `budget`, it counts Teams' limits for itself alone.
 */
export function notificationScheduler(ctx: UseCaseContext, instanceId = 'test-instance', leaseMs?: number, budget?: SendBudget): NotificationScheduler {
  const repos = ctx.store.repositories;
  return createNotificationScheduler({
    ctx,
    sender: createConnectorSender({}),
    renderer: createNotificationRenderer(repos),
    logger: pino({ level: 'silent' }),
    instanceId,
    reconcileIntervalMs: 0,
    ...(leaseMs !== undefined ? { leaseMs } : {}),
    ...(budget ? { budget } : {}),
  });
}
