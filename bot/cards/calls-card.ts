import type { ProposalCall } from '../../shared/calls/proposal-call.js';
import { TRACK_LABELS } from '../../shared/i18n/labels.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { daysUntil, formatDeadline } from '../../shared/time/index.js';
import { t } from '../i18n/bot-text.js';
import { openInAppActions } from './app-link.js';
import {
  actionSet,
  adaptiveCard,
  container,
  executeAction,
  facts,
  heading,
  neutraliseMarkdown,
  note,
  subheading,
  type AdaptiveCard,
  type CardElement,
} from './card-kit.js';

export const OPEN_PROPOSAL_FORM_VERB = 'proposal.openForm';

/** 「令和6年6月14日（金）まで — あと3日」: the deadline day is the whole day in JST (see `formatDeadline`). */
export function trackCountdown(closesAt: Date, now: Date, locale: Locale): string {
  const deadline = formatDeadline(closesAt, locale);
  if (now.getTime() >= closesAt.getTime()) return `${deadline} — ${t('calls.closed', locale)}`;
  const days = daysUntil(now, closesAt);
  return `${deadline} — ${days <= 0 ? t('calls.lastDay', locale) : t('calls.daysLeft', locale, { days })}`;
}

export function callsCard(data: {
  locale: Locale;
  calls: readonly ProposalCall[];
  now: Date;
  mayPropose: boolean;
  teamsAppId?: string | undefined;
}): AdaptiveCard {
  const { locale, now } = data;
  const body: CardElement[] = [heading(t('calls.title', locale))];
  if (!data.calls.length) body.push(note(t('calls.none', locale)));
  for (const call of data.calls) {
    const items: CardElement[] = [subheading(neutraliseMarkdown(call.title)), callDeadlines(call, now, locale)];
    if (data.mayPropose) items.push(actionSet([executeAction(t('calls.propose', locale), OPEN_PROPOSAL_FORM_VERB, { callId: call.id })]));
    body.push(container(items, { separator: true }));
  }
  // The tab has no page per call: its proposals page lists the calls and takes proposals.
  return adaptiveCard(body, { actions: openInAppActions(locale, data.teamsAppId, { page: 'proposals' }) });
}

function callDeadlines(call: ProposalCall, now: Date, locale: Locale): CardElement {
  return facts(call.tracks.map((track) => [TRACK_LABELS[track.kind][locale], trackCountdown(track.closesAt, now, locale)] as const));
}

/**
 * One call as it is shared into a conversation: its deadlines per track, and the way to the tab
 * where anyone may propose (a form opened from a shared card would replace it for the whole chat).
 */
export function callCard(data: { locale: Locale; call: ProposalCall; now: Date; teamsAppId?: string | undefined }): AdaptiveCard {
  const { locale, call, now } = data;
  return adaptiveCard([note(t('calls.label', locale)), heading(neutraliseMarkdown(call.title)), callDeadlines(call, now, locale)], {
    actions: openInAppActions(locale, data.teamsAppId, { page: 'proposals' }),
  });
}
