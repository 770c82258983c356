import type { ProposalCall, TrackKind } from '../../shared/calls/proposal-call.js';
import { FIELD_LABELS } from '../../shared/i18n/error-messages.js';
import { CURRENT_ITEM_ISSUES_HINT, currentItemIssuesLabel } from '../../shared/i18n/item-issues-label.js';
import { DECISION_NEXT_STEPS, PERSPECTIVE_LABELS, PROPOSAL_STATE_LABELS, TRACK_LABELS } from '../../shared/i18n/labels.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { PROPOSAL_LIMITS } from '../../shared/proposals/proposal-content.js';
import { isDecision, PERSPECTIVES, type Proposal } from '../../shared/proposals/proposal.js';
import { formatDate, formatDateTime } from '../../shared/time/index.js';
import type { TabRoute } from '../../shared/links/tab-links.js';
import { t } from '../i18n/bot-text.js';
import { openInAppActions } from './app-link.js';
import { OPEN_PROPOSAL_FORM_VERB, trackCountdown } from './calls-card.js';
import {
  actionSet,
  adaptiveCard,
  choiceInput,
  container,
  executeAction,
  facts,
  fieldError,
  fitToSizeLimit,
  heading,
  neutraliseMarkdown,
  note,
  textBlock,
  textInput,
  userParagraph,
  userText,
  type AdaptiveCard,
  type CardElement,
} from './card-kit.js';

export const SAVE_DRAFT_VERB = 'proposal.saveDraft';
export const SUBMIT_VERB = 'proposal.submit';

export interface ProposalFormValues {
  readonly track?: string | undefined;
  readonly departmentUnitId?: string | undefined;
  readonly title?: string | undefined;
  readonly summary?: string | undefined;
  readonly relatedItem?: string | undefined;
  readonly expectedEffect?: string | undefined;
  readonly perspective?: string | undefined;
  readonly currentItemIssues?: string | undefined;
}

export type ProposalFormField = keyof ProposalFormValues;

export interface ProposalFormData {
  readonly locale: Locale;
  /** Chosen when the form is first shown: saving and submitting twice touch one record. */
  readonly proposalId: string;
  readonly call: ProposalCall;
  readonly now: Date;
  /** Tracks this person may use (a department track only for staff of a department). */
  readonly tracks: readonly TrackKind[];
  readonly departments: readonly { id: string; name: string }[];
  readonly values?: ProposalFormValues;
  readonly errors?: Readonly<Partial<Record<ProposalFormField | 'form', string>>>;
  readonly notice?: string | undefined;
}

/** The proposal form. On a refused submit it comes back with the typed values and each error beside its field. */
export function proposalFormCard(data: ProposalFormData): AdaptiveCard {
  const { locale, call } = data;
  const values = data.values ?? {};
  const errors = data.errors ?? {};
  const label = (field: keyof typeof FIELD_LABELS) => FIELD_LABELS[field]![locale];
  const required = (field: keyof typeof FIELD_LABELS) => t('convene.required', locale, { field: label(field) });
  const body: CardElement[] = [heading(t('propose.title', locale, { call: neutraliseMarkdown(call.title) }))];
  body.push(facts(call.tracks.map((track) => [TRACK_LABELS[track.kind][locale], trackCountdown(track.closesAt, data.now, locale)] as const)));
  if (data.notice) body.push(note(data.notice, 'Good'));
  if (errors.form) body.push(note(errors.form, 'Attention'));
  body.push(
    choiceInput({
      id: 'track',
      label: t('propose.track', locale),
      required: true,
      errorMessage: t('propose.track', locale),
      style: 'expanded',
      choices: data.tracks.map((track) => ({ title: TRACK_LABELS[track][locale], value: track })),
      value: values.track ?? data.tracks[0],
    }),
    ...fieldError('track', errors.track),
  );
  if (data.tracks.includes('department')) {
    body.push(
      choiceInput({
        id: 'departmentUnitId',
        label: t('propose.department', locale),
        errorMessage: label('department'),
        choices: data.departments.map((unit) => ({ title: unit.name, value: unit.id })),
        value: values.departmentUnitId ?? data.departments[0]?.id,
      }),
      ...fieldError('departmentUnitId', errors.departmentUnitId),
    );
  }
  body.push(
    textInput({ id: 'title', label: label('title'), required: true, maxLength: PROPOSAL_LIMITS.title, errorMessage: required('title'), value: values.title }),
    ...fieldError('title', errors.title),
    textInput({
      id: 'summary',
      label: label('summary'),
      required: true,
      multiline: true,
      maxLength: PROPOSAL_LIMITS.summary,
      errorMessage: required('summary'),
      value: values.summary,
    }),
    ...fieldError('summary', errors.summary),
    textInput({
      id: 'relatedItem',
      label: label('relatedItem'),
      maxLength: 20,
      placeholder: '2-24',
      errorMessage: label('relatedItem'),
      value: values.relatedItem,
    }),
    ...fieldError('relatedItem', errors.relatedItem),
    textInput({
      id: 'expectedEffect',
      label: label('expectedEffect'),
      required: true,
      multiline: true,
      maxLength: PROPOSAL_LIMITS.expectedEffect,
      errorMessage: required('expectedEffect'),
      value: values.expectedEffect,
    }),
    ...fieldError('expectedEffect', errors.expectedEffect),
  );
  if (call.kind === 'newInitiative' && data.tracks.includes('department')) {
    // One card for both tracks (1.5 cannot show a field by another input's value): the hint says who answers.
    body.push(
      textInput({
        id: 'currentItemIssues',
        label: currentItemIssuesLabel(call.fiscalYear, locale),
        multiline: true,
        maxLength: PROPOSAL_LIMITS.currentItemIssues,
        errorMessage: label('currentItemIssues'),
        value: values.currentItemIssues,
      }),
      note(CURRENT_ITEM_ISSUES_HINT[locale]),
      ...fieldError('currentItemIssues', errors.currentItemIssues),
    );
  }
  if (call.kind === 'ptTheme') {
    body.push(
      choiceInput({
        id: 'perspective',
        label: label('perspective'),
        required: true,
        errorMessage: required('perspective'),
        style: 'expanded',
        choices: PERSPECTIVES.map((perspective) => ({ title: PERSPECTIVE_LABELS[perspective][locale], value: perspective })),
        value: values.perspective,
      }),
      ...fieldError('perspective', errors.perspective),
    );
  }
  const ids = { proposalId: data.proposalId, callId: call.id };
  return adaptiveCard(body, {
    actions: [executeAction(t('propose.saveDraft', locale), SAVE_DRAFT_VERB, ids), executeAction(t('propose.submit', locale), SUBMIT_VERB, ids, 'positive')],
  });
}

/** Replaces the form once submitted: number, time, and what happens next. */
export function proposalReceiptCard(data: { locale: Locale; proposal: Proposal; call: ProposalCall; teamsAppId?: string | undefined }): AdaptiveCard {
  const { locale, proposal } = data;
  return adaptiveCard(
    [
      heading(t('receipt.title', locale)),
      facts([
        [t('receipt.number', locale), proposal.receiptNumber],
        [t('receipt.time', locale), proposal.submittedAt ? formatDateTime(proposal.submittedAt, locale) : undefined],
        [FIELD_LABELS.title![locale], neutraliseMarkdown(proposal.title)],
        [t('propose.track', locale), TRACK_LABELS[proposal.track][locale]],
      ]),
      note(neutraliseMarkdown(data.call.title)),
      note(t('receipt.next', locale)),
    ],
    { actions: openInAppActions(locale, data.teamsAppId, { page: 'proposals' }) },
  );
}

export function myProposalsCard(data: {
  locale: Locale;
  proposals: readonly Proposal[];
  calls: ReadonlyMap<string, ProposalCall>;
  teamsAppId?: string | undefined;
}): AdaptiveCard {
  const { locale } = data;
  return fitToSizeLimit(data.proposals, (proposals, hidden) => {
    const body: CardElement[] = [heading(t('mine.title', locale))];
    if (!data.proposals.length) body.push(note(t('mine.none', locale)));
    for (const proposal of proposals) {
      const call = data.calls.get(proposal.callId);
      const items: CardElement[] = [
        userText(proposal.title || '—', { weight: 'Bolder' }),
        facts([
          [t('common.state', locale), PROPOSAL_STATE_LABELS[proposal.state][locale]],
          [t('receipt.number', locale), proposal.receiptNumber],
          [t('propose.track', locale), TRACK_LABELS[proposal.track][locale]],
          [t('receipt.time', locale), proposal.submittedAt ? formatDate(proposal.submittedAt, locale) : undefined],
        ]),
      ];
      if (call) items.push(note(neutraliseMarkdown(call.title)));
      items.push(...decisionDetails(proposal, locale));
      if (proposal.state === 'draft' && call) {
        items.push(actionSet([executeAction(t('mine.edit', locale), OPEN_PROPOSAL_FORM_VERB, { callId: call.id, proposalId: proposal.id })]));
      }
      body.push(container(items, { separator: true }));
    }
    if (hidden) body.push(note(t('common.more', locale, { count: hidden })));
    return adaptiveCard(body, { actions: openInAppActions(locale, data.teamsAppId, { page: 'proposals' }) });
  });
}

/**
 * One proposal as it is shared into a conversation: what was proposed, where it stands, and a
 * decision's reason. No editing here; the tab page `appRoute` names (by default the proposals
 * page, opened on the draft itself while it is one) has that.
 */
export function proposalCard(data: {
  locale: Locale;
  proposal: Proposal;
  call?: ProposalCall | undefined;
  /** Shown when someone other than the author shares it (the secretariat). */
  authorName?: string | undefined;
  appRoute?: TabRoute | undefined;
  teamsAppId?: string | undefined;
}): AdaptiveCard {
  const { locale, proposal } = data;
  const body: CardElement[] = [
    note(t('proposal.label', locale)),
    userParagraph(proposal.title || '—', { size: 'Large', weight: 'Bolder' }),
    facts([
      [t('common.state', locale), PROPOSAL_STATE_LABELS[proposal.state][locale]],
      [t('receipt.number', locale), proposal.receiptNumber],
      [t('propose.track', locale), TRACK_LABELS[proposal.track][locale]],
      [t('proposal.author', locale), data.authorName ? neutraliseMarkdown(data.authorName) : undefined],
      [t('receipt.time', locale), proposal.submittedAt ? formatDate(proposal.submittedAt, locale) : undefined],
    ]),
  ];
  if (data.call) body.push(note(neutraliseMarkdown(data.call.title)));
  if (proposal.summary) body.push(note(FIELD_LABELS.summary![locale]), userParagraph(proposal.summary, { spacing: 'None' }));
  body.push(...decisionDetails(proposal, locale));
  const route = data.appRoute ?? (proposal.state === 'draft' ? { page: 'proposals' as const, id: proposal.id } : { page: 'proposals' as const });
  return adaptiveCard(body, { actions: openInAppActions(locale, data.teamsAppId, route) });
}

/** A decided proposal's reason and what follows, as 自分の提案 and the decision notice show them. */
export function decisionDetails(proposal: Proposal, locale: Locale): CardElement[] {
  if (!isDecision(proposal.state)) return [];
  const elements: CardElement[] = [];
  if (proposal.decidedAt) elements.push(facts([[t('mine.decidedAt', locale), formatDate(proposal.decidedAt, locale)]]));
  if (proposal.decisionReason) elements.push(note(t('review.reason', locale)), userText(proposal.decisionReason));
  elements.push(note(t('mine.next', locale)), textBlock(DECISION_NEXT_STEPS[proposal.state][locale]));
  return elements;
}
