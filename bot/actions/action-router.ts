import { ZodError } from 'zod';
import { DomainError } from '../../shared/domain-error.js';
import { t } from '../i18n/bot-text.js';
import { directoryRefusalText, type BotTurn } from '../commands/command-turn.js';
import { errorResult, isDomainRefusal, refusal, type ActionHandler, type ActionResult } from './action-result.js';
import { conveneAction, issueAction, meetingViewAction, remindUnansweredAction, rsvpAction } from './meeting-actions.js';
import { actionDoneAction } from './action-item-actions.js';
import { practiceInterestAction } from './practice-actions.js';
import { openProposalForm, saveProposalDraftAction, submitProposalAction } from './proposal-actions.js';
import { applyAction, openApplicationAction } from './recruitment-actions.js';
import { decideAction, reviewViewAction, startReviewAction } from './review-actions.js';
import { saveSubscriptionAction } from './subscription-actions.js';

/** Every verb a card of ours can send. Anything else was not made by this app and is refused. */
const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  'proposal.openForm': openProposalForm,
  'proposal.saveDraft': saveProposalDraftAction,
  'proposal.submit': submitProposalAction,
  'meeting.rsvp': rsvpAction,
  'meeting.view': meetingViewAction,
  'meeting.convene': conveneAction,
  'meeting.issue': issueAction,
  'meeting.remindUnanswered': remindUnansweredAction,
  'recruitment.openForm': openApplicationAction,
  'recruitment.apply': applyAction,
  'review.start': startReviewAction,
  'review.decide': decideAction,
  'review.view': reviewViewAction,
  'practice.interest': practiceInterestAction,
  'subscription.save': saveSubscriptionAction,
  'action.done': actionDoneAction,
};

export const ACTION_VERBS: readonly string[] = Object.keys(ACTIONS);

/**
 * Runs a card action. A malformed payload is a 400, a refusal says why in the user's language;
 * unexpected failures are left to the turn's error handler, which logs them and apologises.
 */
export async function runAction(turn: BotTurn, verb: string, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
  const handler = Object.hasOwn(ACTIONS, verb) ? ACTIONS[verb] : undefined;
  if (!handler) return errorResult(400, t('turn.staleCard', turn.locale));
  try {
    return await handler(turn, data);
  } catch (error) {
    if (error instanceof ZodError) return errorResult(400, t('turn.invalidInput', turn.locale));
    if (isDomainRefusal(error)) {
      // Someone outside the directory is told why, and whom to ask, rather than only "not allowed".
      if (!turn.staff && error instanceof DomainError && error.code === 'auth.forbidden') return errorResult(403, directoryRefusalText(turn));
      return refusal(error, turn.locale);
    }
    throw error;
  }
}
