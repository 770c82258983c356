import {
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';

/**
 * A stand-in for the command router, which other work will bring: it says back what it was told,
 * without the @mention Teams puts in front of group and channel messages, so that the endpoint
 * (auth, tenants, duplicates, replies) can be tested end to end.
 */
export class AppBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? '';
      if (text) await context.sendActivity(MessageFactory.text(this.answer(text)));
      await next();
    });
  }

  /** A card's Action.Execute is answered with a message naming its verb. */
  protected override async onAdaptiveCardInvoke(_context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const text = this.answer(invokeValue.action.verb);
    // Teams takes a plain string as the value of a message response; botbuilder types it as an object.
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
  }

  /** What the bot says back to `text`; subclasses (and tests) replace it. */
  protected answer(text: string): string {
    return text;
  }
}
