import type { Locale } from '../../shared/i18n/locale.js';
import { MEETING_STATUS_LABELS, RSVP_LABELS } from '../../shared/i18n/labels.js';
import { agendaLine } from '../../shared/meetings/agenda-line.js';
import type { AttendanceTally } from '../../shared/meetings/attendance-tally.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import { optionalTabDeepLink } from '../../shared/links/tab-links.js';
import { safeMeetingLink } from '../../shared/meetings/meeting-link.js';
import type { Rsvp, RsvpResponse } from '../../shared/meetings/rsvp.js';
import { formatDateTime, formatTimeRange } from '../../shared/time/index.js';
import { t } from '../i18n/bot-text.js';
import { openInAppActions } from './app-link.js';
import {
  actionSet,
  adaptiveCard,
  container,
  executeAction,
  REFRESH_USER_LIMIT,
  facts,
  fitToSizeLimit,
  heading,
  markdownLink,
  neutraliseMarkdown,
  note,
  openUrlAction,
  subheading,
  textInput,
  userText,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './card-kit.js';

export const RSVP_VERB = 'meeting.rsvp';
export const MEETING_VIEW_VERB = 'meeting.view';
export const REMIND_UNANSWERED_VERB = 'meeting.remindUnanswered';

/** A PT named on an agenda: `2‐24 オンライン相談・手続き支援の拡充` and its bare title. */
export interface AgendaPt {
  readonly displayName: string;
  readonly title: string;
}

/** What the convener and the secretariat see of the answers: the tally and the once-only reminder. */
export interface AttendanceFollowUp {
  readonly tally: AttendanceTally;
  readonly reminder?: { readonly sentAt: Date; readonly byName: string } | undefined;
  readonly mayRemind: boolean;
}

/** A meeting as one person sees it: their own answer, and whether they are on the roster. */
export interface MeetingView {
  readonly meeting: Meeting;
  readonly bodyName: string;
  /** PTs of progress-report agenda items, by PT id. */
  readonly projectTeams: ReadonlyMap<string, AgendaPt>;
  readonly myRsvp?: Rsvp | undefined;
  readonly mayAnswer: boolean;
  /** A card posted to a whole conversation: the answer buttons stay, "your RSVP" waits for refresh. */
  readonly forConversation?: boolean | undefined;
  /** Only for those who follow the answers; ordinary members see their own answer only. */
  readonly attendance?: AttendanceFollowUp | undefined;
  /** The viewer may download the materials pack from the tab's meeting page (secretariat, admins). */
  readonly mayGetMaterials?: boolean | undefined;
}

export function meetingTitle(view: Pick<MeetingView, 'meeting' | 'bodyName'>, locale: Locale): string {
  return t('meetings.ordinal', locale, { n: view.meeting.ordinal, body: view.bodyName });
}

/** When (start–end in Japan time), where, the link, agenda and status; shared by every meeting card. */
export function meetingDetails(view: MeetingView, locale: Locale): CardElement[] {
  const { meeting } = view;
  const link = safeMeetingLink(meeting.onlineUrl);
  const online = link
    ? `${markdownLink(t('meetings.joinOnline', locale), link)} (${neutraliseMarkdown(new URL(link).host)})`
    : meeting.onlineUrl
      ? neutraliseMarkdown(meeting.onlineUrl)
      : undefined;
  const agenda = meeting.agenda.map((item, index) => {
    const line = agendaLine(item, item.ptId ? view.projectTeams.get(item.ptId) : undefined);
    const text =
      item.kind === 'ptProgress'
        ? `${t('meetings.progressReport', locale)}${line.ptName ? `: ${line.ptName}` : ''}${line.text ? ` — ${line.text}` : ''}`
        : (line.text ?? '');
    return userText(`${index + 1}. ${text}`, {});
  });
  const elements: CardElement[] = [
    facts([
      [t('meetings.when', locale), formatTimeRange(meeting.startsAt, meeting.endsAt, locale)],
      [t('meetings.where', locale), meeting.place ? neutraliseMarkdown(meeting.place) : undefined],
      [t('meetings.online', locale), online],
      [t('meetings.status', locale), MEETING_STATUS_LABELS[meeting.status][locale]],
      [t('meetings.yourRsvp', locale), view.mayAnswer && !view.forConversation ? rsvpLabel(view.myRsvp, locale) : undefined],
      ...followUpFacts(view, locale),
    ]),
  ];
  if (agenda.length) elements.push(note(t('meetings.agenda', locale)), ...agenda);
  if (meeting.guests.length) {
    elements.push(
      note(t('meetings.guests', locale)),
      userText(meeting.guests.map((guest) => (guest.affiliation ? `${guest.name}（${guest.affiliation}）` : guest.name)).join('、')),
    );
  }
  return elements;
}

function followUpFacts(view: MeetingView, locale: Locale): [string, string | undefined][] {
  const follow = view.forConversation ? undefined : view.attendance;
  if (!follow) return [];
  const reminder = follow.reminder
    ? t('meetings.reminderSent', locale, { at: formatDateTime(follow.reminder.sentAt, locale), name: neutraliseMarkdown(follow.reminder.byName) })
    : undefined;
  return [
    [t('meetings.tally', locale), t('meetings.tallyText', locale, { ...follow.tally })],
    [t('meetings.reminder', locale), reminder],
  ];
}

/** The buttons beside the answers, while the meeting is ahead: open it online (https only), the convener's reminder. */
function meetingButtons(view: MeetingView, locale: Locale): CardAction[] {
  if (view.meeting.status !== 'convened' && view.meeting.status !== 'planned') return [];
  const link = safeMeetingLink(view.meeting.onlineUrl);
  const follow = view.forConversation ? undefined : view.attendance;
  return [
    ...(link ? [openUrlAction(t('meetings.joinOnline', locale), link)] : []),
    ...(follow?.mayRemind && follow.tally.unanswered > 0
      ? [executeAction(t('meetings.remind', locale, { count: follow.tally.unanswered }), REMIND_UNANSWERED_VERB, { meetingId: view.meeting.id })]
      : []),
  ];
}

/**
 * The link to the meeting's page in the tab. For those who may download its materials it says so:
 * the pack is on that page (the download needs the tab's sign-in, so the card cannot fetch it).
 */
function appActions(view: MeetingView, locale: Locale, teamsAppId: string | undefined): CardAction[] {
  const route = { page: 'meetings', id: view.meeting.id } as const;
  if (!view.mayGetMaterials || view.forConversation) return openInAppActions(locale, teamsAppId, route);
  const url = optionalTabDeepLink(teamsAppId, route);
  return url ? [openUrlAction(t('meetings.openMaterials', locale), url)] : [];
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

export function meetingsCard(data: { locale: Locale; title: string; views: readonly MeetingView[]; teamsAppId?: string | undefined }): AdaptiveCard {
  const { locale } = data;
  return fitToSizeLimit(data.views, (views, hidden) => {
    const body: CardElement[] = [heading(data.title)];
    if (data.views.length === 0) body.push(note(t('meetings.none', locale)));
    for (const view of views) {
      const items: CardElement[] = [subheading(meetingTitle(view, locale)), ...meetingDetails(view, locale)];
      const buttons = [...meetingButtons(view, locale), ...appActions(view, locale, data.teamsAppId)];
      if (view.mayAnswer && view.meeting.status === 'convened') {
        const rsvp = rsvpActions(view.meeting.id, locale);
        items.push(rsvp.input, actionSet([...rsvp.actions, ...buttons]));
      } else if (buttons.length) {
        items.push(actionSet(buttons));
      }
      body.push(container(items, { separator: true, spacing: 'Medium' }));
    }
    if (hidden) body.push(note(t('common.more', locale, { count: hidden })));
    return adaptiveCard(body);
  });
}

/**
 * One meeting for one person, as the convocation notice shows it once refreshed: their answer,
 * and the buttons to give or change it. `refreshUserIds` lists the roster's Teams user ids (≤ 60), so
 * Teams asks the bot for each person's own view. With the Teams app id it links to the meeting's page in the tab.
 */
export function meetingCard(data: {
  locale: Locale;
  view: MeetingView;
  heading?: string;
  refreshUserIds?: readonly string[];
  teamsAppId?: string | undefined;
}): AdaptiveCard {
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
  actions = [...actions, ...meetingButtons(view, locale), ...appActions(view, locale, data.teamsAppId)];
  const refresh = data.refreshUserIds?.length
    ? { action: executeAction('refresh', MEETING_VIEW_VERB, { meetingId: view.meeting.id }), userIds: data.refreshUserIds.slice(0, REFRESH_USER_LIMIT) }
    : undefined;
  return adaptiveCard(body, { actions, ...(refresh ? { refresh } : {}) });
}
