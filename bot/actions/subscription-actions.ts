import { z } from 'zod';
import { DomainError } from '../../shared/domain-error.js';
import { reconcileNotifications } from '../../shared/use-cases/notification-planning.js';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS } from '../../shared/notifications/notification-kind.js';
import { buildSubscriptionCard } from '../commands/subscription-commands.js';
import { t } from '../i18n/bot-text.js';
import { actionPayload, cardResult, messageResult, type ActionHandler } from './action-result.js';

const toggle = z.enum(['true', 'false']).optional();
const savePayload = actionPayload({
  bodyId: z.string().max(100).optional(),
  ...Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [`kind_${kind}`, toggle])),
});

/** Saves what this conversation receives; an empty choice removes the subscription. */
export const saveSubscriptionAction: ActionHandler = async (turn, data) => {
  const payload = savePayload.parse(data) as Record<string, string | undefined>;
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const repos = turn.ctx.store.repositories;
  if (!(await repos.conversations.get(turn.conversationId))) return messageResult(t('subscribe.notInstalled', turn.locale));
  const kinds = NOTIFICATION_KINDS.filter((kind) => payload[`kind_${kind}`] === 'true');
  const bodyId = payload.bodyId && payload.bodyId !== 'all' ? payload.bodyId : undefined;
  if (bodyId && !(await repos.bodies.get(bodyId))) throw new DomainError('body.notFound');
  const now = turn.ctx.clock.now();
  await turn.ctx.store.transaction(async (tx) => {
    if (kinds.length === 0) await tx.subscriptions.remove(turn.conversationId);
    else await tx.subscriptions.save({ conversationId: turn.conversationId, kinds, bodyId, updatedAt: now, updatedByStaffId: turn.staff!.id });
    await tx.audit.record({
      entityType: 'subscription',
      entityId: turn.conversationId,
      action: 'save',
      actorStaffId: turn.staff!.id,
      at: now,
      after: { kinds, bodyId },
    });
  });
  // Plan what is already scheduled for this conversation now, not at the next reconcile tick.
  await reconcileNotifications(turn.ctx);
  const names = kinds.map((kind) => NOTIFICATION_KIND_LABELS[kind][turn.locale]).join('、') || t('subscribe.nothing', turn.locale);
  return cardResult(await buildSubscriptionCard(turn, t('subscribe.saved', turn.locale, { kinds: names })));
};
