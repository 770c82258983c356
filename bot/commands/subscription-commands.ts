import { compareBodies } from '../../shared/bodies/body-order.js';
import { subscriptionCard } from '../cards/subscription-card.js';
import { t } from '../i18n/bot-text.js';
import type { AdaptiveCard } from '../cards/card-kit.js';
import { cardReply, directoryRefusal, textReply, type BotTurn, type CommandHandler } from './command-turn.js';

/** The subscription form with this conversation's current choices. */
export async function buildSubscriptionCard(turn: BotTurn, notice?: string): Promise<AdaptiveCard> {
  const repos = turn.ctx.store.repositories;
  const current = await repos.subscriptions.get(turn.conversationId);
  const bodies = (await repos.bodies.list()).sort(compareBodies);
  return subscriptionCard({
    locale: turn.locale,
    kinds: current?.kinds ?? [],
    bodyId: current?.bodyId,
    bodies: bodies.map((body) => ({ id: body.id, name: body.shortName })),
    notice,
  });
}

/** Subscriptions belong to the conversation the command is typed in. */
export const subscribeCommand: CommandHandler = async (turn) => {
  if (!turn.staff) return directoryRefusal(turn);
  return cardReply(await buildSubscriptionCard(turn));
};

export const unsubscribeCommand: CommandHandler = async (turn) => {
  if (!turn.staff) return directoryRefusal(turn);
  await turn.ctx.store.repositories.subscriptions.remove(turn.conversationId);
  return textReply(t('subscribe.removed', turn.locale));
};
