import type { Locale } from '../../shared/i18n/locale.js';
import { MEETING_STATUS_LABELS, RSVP_LABELS } from '../../shared/i18n/labels.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import type { Rsvp, RsvpResponse } from '../../shared/meetings/rsvp.js';
import { formatDateTime, formatIsoJst } from '../../shared/time/index.js';
import { t } from '../i18n/bot-text.js';
import {
  actionSet,
  adaptiveCard,
  container,
  executeAction,
  facts,
  fitToSizeLimit,
  heading,
  neutraliseMarkdown,
  note,
  subheading,
  textInput,
  userText,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './card-kit.js';

export const RSVP_VERB = 'meeting.rsvp';
export const MEETING_VIEW_VERB = 'meeting.view';

/** A meeting as one person sees it: their own answer, and whether they are on the roster. */
export interface MeetingView {
  readonly meeting: Meeting;
  readonly bodyName: string;
  /** PT names for progress-report agenda items, by PT id. */
  readonly ptNames: ReadonlyMap<string, string>;
  readonly myRsvp?: Rsvp | undefined;
  readonly mayAnswer: boolean;
  /** A card posted to a whole conversation: the answer buttons stay, "your RSVP" waits for refresh. */
  readonly forConversation?: boolean | undefined;
}

export function meetingTitle(view: Pick<MeetingView, 'meeting' | 'bodyName'>, locale: Locale): string {
  return t('meetings.ordinal', locale, { n: view.meeting.ordinal, body: view.bodyName });
}

/** When, where, agenda and status; shared by the list, the convocation notice and the RSVP answer. */
export function meetingDetails(view: MeetingView, locale: Locale): CardElement[] {
  const { meeting } = view;
  const when = `${formatDateTime(meeting.startsAt, locale)} (${formatIsoJst(meeting.startsAt)})`;
  const agenda = meeting.agenda.map((item, index) => {
    const pt = item.ptId ? view.ptNames.get(item.ptId) : undefined;
    const prefix = item.kind === 'ptProgress' ? `${t('meetings.progressReport', locale)}${pt ? `: ${pt}` : ''} — ` : '';
    return userText(`${index + 1}. ${prefix}${item.title}`, {});
  });
  const elements: CardElement[] = [
    facts([
      [t('meetings.when', locale), when],
      [t('meetings.where', locale), meeting.place ? neutraliseMarkdown(meeting.place) : undefined],
      [t('meetings.online', locale), meeting.onlineUrl ? neutraliseMarkdown(meeting.onlineUrl) : undefined],
      [t('meetings.status', locale), MEETING_STATUS_LABELS[meeting.status][locale]],
      [t('meetings.yourRsvp', locale), view.mayAnswer && !view.forConversation ? rsvpLabel(view.myRsvp, locale) : undefined],
    ]),
  ];
  if (agenda.length) elements.push(note(t('meetings.agenda', locale)), ...agenda);
  if (meeting.guests.length) {
    elements.push(note(t('meetings.guests', locale)), userText(meeting.guests.map((guest) => (guest.affiliation ? `${guest.name}（${guest.affiliation}）` : guest.name)).join('、')));
  }
  return elements;
}

function rsvpLabel(rsvp: Rsvp | undefined, locale: Locale): string {
  if (!rsvp) return t('meetings.noAnswer', locale);
  const label = RSVP_LABELS[rsvp.response][locale];
  return rsvp.response === 'proxy' && rsvp.proxyName ? `${label}: ${neutraliseMarkdown(rsvp.proxyName)}` : label;
}

/** The three answers, with the proxy's name typed into the card. */
export function rsvpActions(meetingId: string, locale: Locale): { input: CardElement; actions: CardAction[] } {
  const inputId = `proxyName_${meetingId}`;
  const answer = (response: RsvpResponse) =>
    executeAction(RSVP_LABELS[response][locale], RSVP_VERB, { meetingId, response, proxyInput: inputId }, response === 'attend' ? 'positive' : undefined);
  return {
    input: textInput({ id: inputId, label: t('rsvp.proxyLabel', locale), maxLength: 100, errorMessage: t('rsvp.proxyLabel', locale) }),
    actions: [answer('attend'), answer('absent'), answer('proxy')],
  };
}

export function meetingsCard(data: { locale: Locale; title: string; views: readonly MeetingView[] }): AdaptiveCard {
  const { locale } = data;
  return fitToSizeLimit(data.views, (views, hidden) => {
    const body: CardElement[] = [heading(data.title)];
    if (data.views.length === 0) body.push(note(t('meetings.none', locale)));
    for (const view of views) {
      const items: CardElement[] = [subheading(meetingTitle(view, locale)), ...meetingDetails(view, locale)];
      if (view.mayAnswer && view.meeting.status === 'convened') {
        const rsvp = rsvpActions(view.meeting.id, locale);
        items.push(rsvp.input, actionSet(rsvp.actions));
      }
      body.push(container(items, { separator: true, spacing: 'Medium' }));
    }
    if (hidden) body.push(note(t('common.more', locale, { count: hidden })));
    return adaptiveCard(body);
  });
}

/**
 * One meeting for one person, as the convocation notice shows it once refreshed: their answer,
 * and the buttons to give or change it. `refreshUserIds` lists the roster's Entra ids (≤ 60), so
 * Teams asks the bot for each person's own view.
 */
export function meetingCard(data: { locale: Locale; view: MeetingView; heading?: string; refreshUserIds?: readonly string[] }): AdaptiveCard {
  const { locale, view } = data;
  const body: CardElement[] = [heading(data.heading ?? meetingTitle(view, locale))];
  if (data.heading) body.push(subheading(meetingTitle(view, locale)));
  body.push(...meetingDetails(view, locale));
  const open = view.meeting.status === 'convened' || view.meeting.status === 'planned';
  let actions: CardAction[] = [];
  if (view.mayAnswer && open) {
    const rsvp = rsvpActions(view.meeting.id, locale);
    body.push(rsvp.input);
    actions = rsvp.actions;
  }
  const refresh = data.refreshUserIds?.length
    ? { action: executeAction('refresh', MEETING_VIEW_VERB, { meetingId: view.meeting.id }), userIds: data.refreshUserIds.slice(0, 60) }
    : undefined;
  return adaptiveCard(body, { actions, ...(refresh ? { refresh } : {}) });
}
