import type { ConversationScope } from '../../shared/commands/command-catalog.js';
import { errorMessage } from '../../shared/i18n/error-messages.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { identityRefusal, type StaffIdentity } from '../../shared/use-cases/staff-identity.js';
import type { AdaptiveCard } from '../cards/card-kit.js';

/** What a chat command or card action knows about the turn, already translated from Teams' shapes. */
export interface BotTurn {
  readonly ctx: UseCaseContext;
  readonly locale: Locale;
  readonly scope: ConversationScope;
  /** The Teams conversation the message or action came from (subscriptions belong to it). */
  readonly conversationId: string;
  /** The directory entry of the sender; undefined for people not in the directory (read-only). */
  readonly staff: Staff | undefined;
  /** How the sender was matched to the directory; says why `staff` is missing. */
  readonly identity: StaffIdentity;
  /** The sender's Entra object id, used for card refresh lists. */
  readonly userObjectId: string | undefined;
}

/** A reply is a card, or a short sentence when a card would add nothing. */
export type BotReply = { readonly card: AdaptiveCard } | { readonly text: string };

export type CommandHandler = (turn: BotTurn, argument: string) => Promise<BotReply>;

export const cardReply = (card: AdaptiveCard): BotReply => ({ card });
export const textReply = (text: string): BotReply => ({ text });

/** What a person without a directory entry is told when they try to act: why, and whom to ask. */
export function directoryRefusalText(turn: Pick<BotTurn, 'identity' | 'locale'>): string {
  return turn.identity.kind === 'staff' ? '' : errorMessage(identityRefusal(turn.identity), turn.locale);
}

/** The refusal as a reply, for commands only directory members may use. */
export const directoryRefusal = (turn: BotTurn): BotReply => textReply(directoryRefusalText(turn));
