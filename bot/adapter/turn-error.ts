import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { toLocale, type Locale } from '../../shared/i18n/locale.js';
import { composeMessageResponse, composeResultResponse } from '../compose/compose-response.js';

/** What the user sees when a turn fails: an apology in their language, never the error itself. */
export const TURN_ERROR_TEXT: Readonly<Record<Locale, string>> = {
  ja: '申し訳ありません。処理中にエラーが発生しました。時間をおいてもう一度お試しください。',
  en: 'Sorry, something went wrong while processing your request. Please try again in a little while.',
};

/**
 * The adapter's `onTurnError`: the details go to the log, the user gets a polite message. A card
 * action (invoke) is answered in the card, because Teams shows an invoke's reply there; a search
 * of the message extension gets the sentence in place of results, and a pasted link no card.
 */
export function createTurnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const { activity } = context;
    logger.error({ err: error, activityType: activity.type, activityId: activity.id, conversationId: activity.conversation?.id }, 'bot turn failed');
    const text = TURN_ERROR_TEXT[toLocale(activity.locale)];
    try {
      if (activity.type === String(ActivityTypes.Invoke) && activity.name?.startsWith('composeExtension/')) {
        const body = activity.name === 'composeExtension/queryLink' ? composeResultResponse([]) : composeMessageResponse(text);
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
      } else if (activity.type === String(ActivityTypes.Invoke)) {
        const body = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
      } else {
        await context.sendActivity(text);
      }
    } catch (sendError) {
      logger.error({ err: sendError, conversationId: activity.conversation?.id }, 'could not tell the user that the turn failed');
    }
  };
}
