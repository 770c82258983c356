import { DECISIONS, type Proposal } from '../../shared/proposals/proposal.js';
import { FIELD_LABELS } from '../../shared/i18n/error-messages.js';
import { INDIVIDUAL_PROPOSER_LABEL, PERSPECTIVE_LABELS, PROPOSAL_STATE_LABELS } from '../../shared/i18n/labels.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { planItemLabel, type PlanItemReference } from '../../shared/plan/plan-item-reference.js';
import { formatDate } from '../../shared/time/index.js';
import { t } from '../i18n/bot-text.js';
import {
  actionSet,
  adaptiveCard,
  choiceInput,
  container,
  executeAction,
  fitToSizeLimit,
  heading,
  labelledText,
  note,
  REFRESH_USER_LIMIT,
  textBlock,
  textInput,
  userParagraph,
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
  readonly authorUnitName?: string | undefined;
  /** The department a department-track proposal speaks for. */
  readonly departmentName?: string | undefined;
  readonly relatedItem?: Pick<PlanItemReference, 'number' | 'title'> | undefined;
  /** Other proposals naming the same plan item. */
  readonly sameItem?: readonly Pick<Proposal, 'receiptNumber' | 'title'>[] | undefined;
}

/** A label over a block of someone's text. */
function label(text: string): CardElement {
  return textBlock(text, { weight: 'Bolder', size: 'Small', spacing: 'Small' });
}

/**
 * Everything that was proposed, one line under the other so the card reads on a 320 px phone:
 * labelled lines that wrap (no columns, no FactSet squeezing its titles), then the summary and
 * the expected effect in full.
 */
function proposalContent(item: ReviewItem, locale: Locale): CardElement[] {
  const { proposal } = item;
  const origin = proposal.track === 'department' ? (item.departmentName ?? proposal.departmentUnitId ?? '') : INDIVIDUAL_PROPOSER_LABEL[locale];
  const lines: [string, string | undefined][] = [
    [t('receipt.number', locale), proposal.receiptNumber],
    [t('common.state', locale), PROPOSAL_STATE_LABELS[proposal.state][locale]],
    [t('review.origin', locale), origin],
    [t('review.author', locale), item.authorUnitName ? `${item.authorName}（${item.authorUnitName}）` : item.authorName],
    [t('review.relatedItem', locale), item.relatedItem ? planItemLabel(item.relatedItem) : undefined],
    [FIELD_LABELS.perspective![locale], proposal.perspective ? PERSPECTIVE_LABELS[proposal.perspective][locale] : undefined],
    [t('receipt.time', locale), proposal.submittedAt ? formatDate(proposal.submittedAt, locale) : undefined],
  ];
  const content: CardElement[] = [
    userParagraph(proposal.title, { weight: 'Bolder', size: 'Medium' }),
    ...lines
      .filter((line): line is [string, string] => Boolean(line[1]))
      .map(([name, value], index) => labelledText(name, value, { spacing: index === 0 ? 'Small' : 'None' })),
    label(FIELD_LABELS.summary![locale]),
    userParagraph(proposal.summary, { spacing: 'None' }),
    label(FIELD_LABELS.expectedEffect![locale]),
    userParagraph(proposal.expectedEffect, { spacing: 'None' }),
  ];
  if (proposal.currentItemIssues) content.push(label(FIELD_LABELS.currentItemIssues![locale]), userParagraph(proposal.currentItemIssues, { spacing: 'None' }));
  if (item.sameItem?.length) {
    content.push(
      label(t('review.sameItem', locale)),
      userParagraph(item.sameItem.map((other) => `${other.receiptNumber ?? ''} ${other.title}`.trim()).join('\n'), { isSubtle: true, spacing: 'None' }),
    );
  }
  return content;
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
  const refresh = data.refreshUserIds?.length
    ? { action: executeAction('refresh', REVIEW_VIEW_VERB), userIds: data.refreshUserIds.slice(0, REFRESH_USER_LIMIT) }
    : undefined;
  const { locale } = data;
  return fitToSizeLimit(data.items.slice(0, REVIEW_CARD_LIMIT), (shown) => {
    const hidden = data.items.length - shown.length;
    const body: CardElement[] = [heading(t('review.title', locale))];
    if (data.notice) body.push(note(data.notice, 'Good'));
    if (!data.items.length) body.push(note(t('review.none', locale)));
    for (const item of shown) {
      const { proposal } = item;
      const items = proposalContent(item, locale);
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
          textInput({
            id: reasonId,
            label: t('review.reason', locale),
            required: true,
            multiline: true,
            maxLength: 1000,
            errorMessage: t('review.reason', locale),
          }),
          actionSet([executeAction(t('review.decide', locale), DECIDE_VERB, { proposalId: proposal.id, decisionInput: decisionId, reasonInput: reasonId })]),
        );
      }
      body.push(container(items, { separator: true, spacing: 'Large' }));
    }
    if (hidden) body.push(note(t('common.more', locale, { count: hidden })));
    if (!interactive) body.push(note(t('review.statusOnly', locale)));
    return adaptiveCard(body, refresh ? { refresh } : {});
  });
}
