import type { Locale } from '../i18n/locale.js';

/** Teams conversation kinds the bot can be installed in. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/**
 * Only what is needed to post to a conversation later (no message content): the Bot Connector
 * service URL, tenant, conversation id, team and channel ids, the bot's id. `staffId` is set for
 * personal chats once the user is known, so personal reminders can find them.
 */
export interface ConversationTarget {
  readonly conversationId: string;
  readonly kind: ConversationKind;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly botId: string;
  readonly teamId?: string | undefined;
  readonly channelId?: string | undefined;
  readonly name?: string | undefined;
  readonly staffId?: string | undefined;
  readonly locale: Locale;
  /** False once Teams says the bot was removed, blocked or the conversation is gone. */
  readonly active: boolean;
  readonly deactivatedReason?: string | undefined;
  readonly updatedAt: Date;
}
