import { DECISIONS, type Proposal } from '../../shared/proposals/proposal.js';
import { PROPOSAL_STATE_LABELS, TRACK_LABELS } from '../../shared/i18n/labels.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { formatDate } from '../../shared/time/index.js';
import { t } from '../i18n/bot-text.js';
import {
  actionSet,
  adaptiveCard,
  choiceInput,
  container,
  executeAction,
  facts,
  fitToSizeLimit,
  heading,
  neutraliseMarkdown,
  note,
  textInput,
  userText,
  type AdaptiveCard,
  type CardElement,
} from './card-kit.js';

export const START_REVIEW_VERB = 'review.start';
/** Teams asks for each listed user's own view of a shared queue: buttons for reviewers, status for others. */
export const REVIEW_VIEW_VERB = 'review.view';
export const DECIDE_VERB = 'review.decide';
/** Cards list at most this many proposals; the tab's review board shows them all. */
export const REVIEW_CARD_LIMIT = 15;

export interface ReviewItem {
  readonly proposal: Proposal;
  readonly authorName: string;
  readonly departmentName?: string | undefined;
}

/** The secretariat's queue: submitted proposals to move to a hearing, and those under review to decide. */
export function reviewCard(data: {
  locale: Locale;
  items: readonly ReviewItem[];
  notice?: string;
  /** False for the view of someone who may not review: the same queue, without buttons. */
  interactive?: boolean;
  /** Reviewers' Entra ids on a card posted to a channel or group chat (≤ 60). */
  refreshUserIds?: readonly string[];
}): AdaptiveCard {
  const interactive = data.interactive ?? true;
  const refresh = data.refreshUserIds?.length ? { action: executeAction('refresh', REVIEW_VIEW_VERB), userIds: data.refreshUserIds.slice(0, 60) } : undefined;
  const { locale } = data;
  return fitToSizeLimit(data.items.slice(0, REVIEW_CARD_LIMIT), (shown) => {
    const hidden = data.items.length - shown.length;
    const body: CardElement[] = [heading(t('review.title', locale))];
    if (data.notice) body.push(note(data.notice, 'Good'));
    if (!data.items.length) body.push(note(t('review.none', locale)));
    for (const { proposal, authorName, departmentName } of shown) {
      const items: CardElement[] = [
        userText(`${proposal.receiptNumber ?? ''} ${proposal.title}`, { weight: 'Bolder' }),
        facts([
          [t('common.state', locale), PROPOSAL_STATE_LABELS[proposal.state][locale]],
          [t('review.author', locale), neutraliseMarkdown(departmentName ? `${authorName}（${departmentName}）` : authorName)],
          [t('propose.track', locale), TRACK_LABELS[proposal.track][locale]],
          [t('receipt.time', locale), proposal.submittedAt ? formatDate(proposal.submittedAt, locale) : undefined],
        ]),
        userText(proposal.summary, { isSubtle: true }),
      ];
      if (!interactive) {
      // Status only.
    } else if (proposal.state === 'submitted') {
        items.push(actionSet([executeAction(t('review.start', locale), START_REVIEW_VERB, { proposalId: proposal.id })]));
      } else if (proposal.state === 'underReview') {
        const decisionId = `decision_${proposal.id}`;
        const reasonId = `reason_${proposal.id}`;
        items.push(
          choiceInput({
            id: decisionId,
            label: t('review.decision', locale),
            required: true,
            errorMessage: t('review.decision', locale),
            choices: DECISIONS.map((decision) => ({ title: PROPOSAL_STATE_LABELS[decision][locale], value: decision })),
          }),
          textInput({ id: reasonId, label: t('review.reason', locale), required: true, multiline: true, maxLength: 1000, errorMessage: t('review.reason', locale) }),
          actionSet([executeAction(t('review.decide', locale), DECIDE_VERB, { proposalId: proposal.id, decisionInput: decisionId, reasonInput: reasonId })]),
        );
      }
      body.push(container(items, { separator: true }));
    }
    if (hidden) body.push(note(t('common.more', locale, { count: hidden })));
    if (!interactive) body.push(note(t('review.statusOnly', locale)));
    return adaptiveCard(body, refresh ? { refresh } : {});
  });
}
