import { expect } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import type { BotHarness, TeamsUser } from './bot-harness.js';
import { cardText } from './card-validator.js';
import { adaptiveCardAction, channelMessage, groupChatMessage, personalMessage, type ConversationKind } from './teams-activities.js';

export type TeamsLocale = 'ja-JP' | 'en-US';
export interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

/** What the bot posted back to a conversation after one message. */
export interface BotAnswer {
  readonly sent: Record<string, unknown>[];
  readonly cards: AdaptiveCard[];
  readonly texts: string[];
}

const BUILDERS = { personal: personalMessage, groupChat: groupChatMessage, channel: channelMessage } as const;

/** Talks to the bot as Teams would: messages in a conversation, card clicks as invokes. */
export function conversationWith(bot: BotHarness) {
  const options = (user: TeamsUser, locale: TeamsLocale) => ({ serviceUrl: bot.connector.url, from: user.account, locale });

  async function say(user: TeamsUser, text: string, locale: TeamsLocale = 'ja-JP', where: ConversationKind = 'personal'): Promise<BotAnswer> {
    const activity = BUILDERS[where](text, options(user, locale));
    // A channel reply goes to the thread (`…;messageid=…`) the message was posted in.
    const conversationId = activity.conversation.id;
    const before = bot.connector.received({ conversationId }).length;
    expect((await bot.post(activity)).status).toBe(200);
    const sent = bot.connector
      .received({ conversationId })
      .slice(before)
      .filter((request) => request.operation === 'sendToConversation' || request.operation === 'replyToActivity')
      .map((request) => request.body ?? {});
    const cards = sent.flatMap((body) => ((body.attachments as { content: AdaptiveCard }[] | undefined) ?? []).map((attachment) => attachment.content));
    return { sent, cards, texts: sent.map((body) => body.text).filter((text): text is string => typeof text === 'string') };
  }

  async function act(
    user: TeamsUser,
    verb: string,
    data: Record<string, unknown>,
    locale: TeamsLocale = 'ja-JP',
    where: ConversationKind = 'personal',
  ): Promise<InvokeBody> {
    const response = await bot.post(adaptiveCardAction(verb, data, { ...options(user, locale), conversation: where }));
    // Teams reads the invoke response's status as the HTTP status too.
    expect(response.status).toBe((response.body as InvokeBody).statusCode);
    return response.body as InvokeBody;
  }

  /** The person picks the language the bot speaks to them (`language en` / `言語 日本語`); it wins over the client's locale. */
  async function choose(user: TeamsUser, language: 'ja' | 'en'): Promise<void> {
    const answer = await say(user, language === 'en' ? 'language en' : '言語 日本語');
    expect(answer.texts.join()).toMatch(language === 'en' ? /I will use English/ : /日本語にしました/);
  }

  return { say, act, choose };
}

/** The data a click on the button titled `title` sends: the action's data plus what was typed into the card. */
export function click(card: AdaptiveCard, title: string, typed: Record<string, string> = {}): { verb: string; data: Record<string, unknown> } {
  const action = findAction(card, title);
  if (!action) throw new Error(`no action "${title}" in card: ${cardText(card)}`);
  return { verb: action.verb as string, data: { ...(action.data as object), ...typed } };
}

export function findAction(card: unknown, title: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) {
    for (const item of card) {
      const found = findAction(item, title);
      if (found) return found;
    }
  } else if (card && typeof card === 'object') {
    const node = card as Record<string, unknown>;
    if (node.type === 'Action.Execute' && node.title === title) return node;
    for (const value of Object.values(node)) {
      const found = findAction(value, title);
      if (found) return found;
    }
  }
  return undefined;
}

/** What the user sees after an action: the replacing card's text, or the message Teams shows. */
export function shown(response: InvokeBody): string {
  if (typeof response.value === 'string') return response.value;
  // An error (application/vnd.microsoft.error) carries { code, message }.
  const error = response.value as { message?: unknown } | undefined;
  if (response.type === 'application/vnd.microsoft.error' && typeof error?.message === 'string') return error.message;
  return cardText(response.value);
}
