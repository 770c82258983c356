import { ActivityTypes, type TurnContext } from 'botbuilder';

/**
 * Shows Teams' typing indicator only when an answer is slow. Sending it for every command costs a
 * Bot Connector call per message and, for a quick answer, flickers for nothing; after `delayMs`
 * without an answer the user sees that the bot is working.
 */
export async function withTypingIndicator<T>(context: TurnContext, work: () => Promise<T>, delayMs: number): Promise<T> {
  let typing: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    typing = context.sendActivity({ type: ActivityTypes.Typing }).catch(() => undefined);
  }, delayMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    // The indicator must reach Teams before the answer does, or it would show after it.
    await typing;
  }
}
