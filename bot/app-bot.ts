import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type AppBasedLinkQuery,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { toLocale } from '../shared/i18n/locale.js';
import { staffOf } from '../shared/use-cases/staff-identity.js';
import { runAction } from './actions/action-router.js';
import type { ActionResult } from './actions/action-result.js';
import { answerMessage } from './commands/command-router.js';
import { directoryRefusalText, type BotReply, type BotTurn } from './commands/command-turn.js';
import { answerComposeQuery, answerLinkQuery, answerSelectItem } from './compose/compose-extension.js';
import { onConversationUpdate, onInstallationUpdate, rememberConversation } from './conversations/conversation-events.js';
import { conversationKindOf, conversationTargetOf, scopeOf } from './conversations/conversation-target-of.js';
import { RecentlyConfirmed } from './conversations/recently-confirmed.js';
import { identifySender } from './identity/sender-identity.js';
import { withTypingIndicator } from './turn/typing-indicator.js';

/**
 * The Teams adapter of the app: it turns activities into `BotTurn`s for the command router and
 * the card actions, and their results back into Teams replies and invoke responses.
 */
export interface AppBotOptions {
  /** An answer slower than this shows Teams' typing indicator first. */
  readonly typingDelayMs: number;
  /** The tab's host (`TAB_DOMAIN`): only links to it unfurl. Unset: any host Teams sends (those the manifest registers). */
  readonly tabHost?: string | undefined;
}

/** Teams shows its typing indicator for answers slower than this by default. */
export const DEFAULT_TYPING_DELAY_MS = 300;

export class AppBot extends TeamsActivityHandler {
  /** References checked in the last minute: a chat's reference is not re-read on every message. */
  private readonly recentConversations = new RecentlyConfirmed(60_000);

  constructor(
    private readonly ctx: UseCaseContext,
    private readonly options: AppBotOptions = { typingDelayMs: DEFAULT_TYPING_DELAY_MS },
  ) {
    super();
    this.onMessage(async (context, next) => {
      const turn = await this.turnOf(context);
      const submitted = context.activity.value as Record<string, unknown> | undefined;
      if (submitted && typeof submitted.verb === 'string') {
        // An Action.Submit fallback from an older client: same verbs, answered as a new message.
        await this.sendActionResult(context, await runAction(turn, submitted.verb, submitted));
      } else {
        const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? '';
        const reply = await withTypingIndicator(context, () => answerMessage(turn, text), this.options.typingDelayMs);
        const notice = await this.directoryNotice(turn, context);
        if (notice && !('text' in reply && reply.text === notice)) await context.sendActivity(MessageFactory.text(notice));
        await this.sendReply(context, reply);
      }
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      await onInstallationUpdate(this.ctx, context.activity, staffOf(await identifySender(this.ctx, context)));
      await next();
    });
    // Handled here rather than through TeamsActivityHandler's per-event dispatch, which would ask
    // Teams for every added member's profile: only the bot's own membership and the team and
    // channel lifecycle matter to the app.
    this.onConversationUpdate(async (context) => {
      const actor = context.activity.from?.aadObjectId
        ? await this.ctx.store.repositories.staff.findByEntraObjectId(context.activity.from.aadObjectId)
        : undefined;
      await onConversationUpdate(this.ctx, context.activity, actor);
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const turn = await this.turnOf(context);
    const data = invokeValue.action?.data ?? {};
    return invokeResponse(await runAction(turn, invokeValue.action?.verb ?? '', data));
  }

  /** The search message extension: the person's query, in any conversation. */
  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return answerComposeQuery(await this.turnOf(context, { remember: false }), query);
  }

  /** The result the person chose from the search, built again as it stands now. */
  protected override async handleTeamsMessagingExtensionSelectItem(context: TurnContext, query: unknown): Promise<MessagingExtensionResponse> {
    return answerSelectItem(await this.turnOf(context, { remember: false }), query);
  }

  /** A link to the tab pasted into a message (link unfurling). */
  protected override async handleTeamsAppBasedLinkQuery(context: TurnContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    return answerLinkQuery(await this.turnOf(context, { remember: false }), query, this.options.tabHost);
  }

  /**
   * `remember: false` for message-extension invokes: they come from whatever conversation the
   * person is writing in, which the bot may not be part of, so it is no place to send to later.
   */
  private async turnOf(context: TurnContext, options: { remember: boolean } = { remember: true }): Promise<BotTurn> {
    const identity = await identifySender(this.ctx, context);
    const staff = staffOf(identity);
    if (options.remember) await rememberConversation(this.ctx, context.activity, staff, this.recentConversations);
    return {
      ctx: this.ctx,
      // The person's own choice wins over the client's (the Agents Playground always says en-US).
      locale: staff?.preferredLocale ?? toLocale(context.activity.locale),
      scope: scopeOf(conversationKindOf(context.activity)),
      conversationId: conversationTargetOf(context.activity, this.ctx.clock.now()).conversationId,
      staff,
      identity,
      userObjectId: context.activity.from?.aadObjectId,
    };
  }

  /**
   * Someone the directory does not know (or whose account is linked to another) is told why they
   * can only read, and whom to ask, once per conversation rather than on every turn.
   */
  private async directoryNotice(turn: BotTurn, context: TurnContext): Promise<string | undefined> {
    if (turn.identity.kind === 'staff') return undefined;
    const sender = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '';
    const first = await this.ctx.store.repositories.idempotency.claim(`directory-notice:${turn.conversationId}:${sender}`, this.ctx.clock.now());
    return first ? directoryRefusalText(turn) : undefined;
  }

  private async sendReply(context: TurnContext, reply: BotReply): Promise<void> {
    await context.sendActivity('card' in reply ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)) : MessageFactory.text(reply.text));
  }

  private async sendActionResult(context: TurnContext, result: ActionResult): Promise<void> {
    if (result.kind === 'card') await this.sendReply(context, { card: result.card });
    else await this.sendReply(context, { text: result.kind === 'message' ? result.text : result.message });
  }
}

/** The Universal Actions invoke response contract: a card, a message, or an error object. */
export function invokeResponse(result: ActionResult): AdaptiveCardInvokeResponse {
  switch (result.kind) {
    case 'card':
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card as unknown as Record<string, unknown> };
    case 'message':
      // Teams shows a plain string value under the card; botbuilder types the value as an object.
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text as unknown as Record<string, unknown> };
    case 'error':
      return {
        statusCode: result.statusCode,
        type: 'application/vnd.microsoft.error',
        value: { code: result.statusCode === 403 ? 'Forbidden' : result.statusCode === 404 ? 'NotFound' : 'BadRequest', message: result.message },
      };
  }
}
