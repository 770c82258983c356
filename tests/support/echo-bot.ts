import { MessageFactory, TeamsActivityHandler, TurnContext, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue } from 'botbuilder';

/**
 * A bot that says back what it was told (without the @mention), so the endpoint's own behaviour
 * (auth, tenants, duplicates, size limits, errors) is tested apart from the app's commands.
 */
export class EchoBot extends TeamsActivityHandler {
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
