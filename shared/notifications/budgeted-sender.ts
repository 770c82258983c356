import type { ConversationTarget } from './conversation-target.js';
import { TEAMS_SEND_LIMITS } from './rate-limiter.js';
import type { ConversationSender, DeliveryOutcome, MessageSender } from '../ports/notification-ports.js';
import type { LimitedKey, SendBudget } from '../ports/send-budget.js';

/** The keys one request to a conversation counts under: the conversation's thread and its tenant. */
export function sendBudgetKeys(target: ConversationTarget): readonly LimitedKey[] {
  return [
    { key: `conversation:${target.conversationId}`, windows: TEAMS_SEND_LIMITS.perConversation },
    { key: `tenant:${target.tenantId}`, windows: TEAMS_SEND_LIMITS.perTenant },
  ];
}

/**
 * A sender that asks `budget` first, so a message sent outside the dispatcher (a test send from the
 * tab) counts against the same Teams limits as the notifications themselves. A thrown error becomes
 * an outcome like the dispatcher's, so a caller need not tell the two apart.
 */
export function budgetedSender(sender: MessageSender | ConversationSender, budget: SendBudget): MessageSender {
  return {
    async send(target, message): Promise<DeliveryOutcome> {
      const release = await budget.acquire(sendBudgetKeys(target));
      try {
        return await sender.send(target, message);
      } catch (error) {
        return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) };
      } finally {
        await release();
      }
    },
  };
}
