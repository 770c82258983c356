import type { ProposalCall, TrackKind } from '../../shared/calls/proposal-call.js';
import { PROPOSAL_STATE_LABELS, RSVP_LABELS, TEAM_ROLE_LABELS, TRACK_LABELS } from '../../shared/i18n/labels.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { Proposal } from '../../shared/proposals/proposal.js';
import type { Rsvp } from '../../shared/meetings/rsvp.js';
import type { TeamRole } from '../../shared/recruitment/team-composition.js';
import { formatDateTime, formatTimeRange } from '../../shared/time/index.js';
import { t } from '../i18n/bot-text.js';
import { OPEN_PROPOSAL_FORM_VERB, trackCountdown } from './calls-card.js';
import {
  actionSet,
  adaptiveCard,
  executeAction,
  facts,
  heading,
  neutraliseMarkdown,
  note,
  subheading,
  textBlock,
  userText,
  type AdaptiveCard,
  type CardAction,
} from './card-kit.js';
import { meetingDetails, meetingTitle, rsvpActions, type MeetingView } from './meetings-card.js';
import { decisionDetails } from './proposal-cards.js';

/** "3 days left" for one track, with the track and the call; the days are counted when it is sent. */
export function deadlineReminderCard(data: { locale: Locale; call: ProposalCall; track: TrackKind; now: Date }): AdaptiveCard {
  const { locale, call } = data;
  const track = call.tracks.find((candidate) => candidate.kind === data.track)!;
  return adaptiveCard([
    heading(t('notice.deadlineTitle', locale)),
    textBlock(neutraliseMarkdown(call.title), { weight: 'Bolder' }),
    facts([[TRACK_LABELS[track.kind][locale], trackCountdown(track.closesAt, data.now, locale)]]),
    note(t('notice.deadlineHint', locale)),
  ]);
}

/** After the deadline: the track is closed, with how many proposals came in. */
export function deadlineClosedCard(data: { locale: Locale; call: ProposalCall; track: TrackKind; received: number; now: Date }): AdaptiveCard {
  const { locale, call } = data;
  const track = call.tracks.find((candidate) => candidate.kind === data.track)!;
  return adaptiveCard([
    heading(t('notice.closedTitle', locale)),
    textBlock(neutraliseMarkdown(call.title), { weight: 'Bolder' }),
    facts([
      [TRACK_LABELS[track.kind][locale], trackCountdown(track.closesAt, data.now, locale)],
      [t('notice.received', locale), t('notice.receivedCount', locale, { count: data.received })],
    ]),
  ]);
}

/** When a meeting was or is, as a range when its end is known. */
function when(startsAt: Date, endsAt: Date | undefined, locale: Locale): string {
  return endsAt ? formatTimeRange(startsAt, endsAt, locale) : formatDateTime(startsAt, locale);
}

/** A short notice beside an updated convocation card: what changed, and when the meeting is now. */
export function meetingChangeCard(data: {
  locale: Locale;
  meetingTitle: string;
  change: 'rescheduled' | 'cancelled';
  startsAt?: Date | undefined;
  endsAt?: Date | undefined;
  previousStartsAt?: Date | undefined;
  previousEndsAt?: Date | undefined;
}): AdaptiveCard {
  const { locale } = data;
  const text =
    data.change === 'cancelled'
      ? t('notice.cancelled', locale, { meeting: data.meetingTitle })
      : t('notice.rescheduled', locale, {
          meeting: data.meetingTitle,
          previous: data.previousStartsAt ? when(data.previousStartsAt, data.previousEndsAt, locale) : '',
        });
  const now = data.startsAt && data.endsAt ? [facts([[t('meetings.when', locale), formatTimeRange(data.startsAt, data.endsAt, locale)]])] : [];
  return adaptiveCard([userText(text, { weight: 'Bolder', color: data.change === 'cancelled' ? 'Attention' : 'Warning' }), ...now]);
}

/** To an author: a draft is still unsubmitted as the track closes, with a button to open it. */
export function draftReminderCard(data: { locale: Locale; proposal: Proposal; call: ProposalCall; now: Date }): AdaptiveCard {
  const { locale, proposal, call } = data;
  const track = call.tracks.find((candidate) => candidate.kind === proposal.track);
  return adaptiveCard([
    heading(t('notice.draftTitle', locale)),
    userText(t('notice.draftBody', locale, { title: proposal.title || '—' })),
    ...(track ? [facts([[TRACK_LABELS[track.kind][locale], trackCountdown(track.closesAt, data.now, locale)]])] : []),
    actionSet([executeAction(t('mine.edit', locale), OPEN_PROPOSAL_FORM_VERB, { callId: call.id, proposalId: proposal.id })]),
  ]);
}

/** To a PT secretariat: their progress report is on an HQ meeting's agenda. */
export function progressReportRequestCard(data: {
  locale: Locale;
  meetingTitle: string;
  ptName: string;
  startsAt: Date;
  endsAt?: Date | undefined;
}): AdaptiveCard {
  const { locale } = data;
  return adaptiveCard([
    heading(t('notice.progressTitle', locale)),
    userText(t('notice.progressBody', locale, { meeting: data.meetingTitle, pt: data.ptName })),
    facts([[t('meetings.when', locale), when(data.startsAt, data.endsAt, locale)]]),
  ]);
}

/** To a proposer: the decision, its reason and what follows (the receipt's promise kept). */
export function decisionNoticeCard(data: { locale: Locale; proposal: Proposal }): AdaptiveCard {
  const { locale, proposal } = data;
  return adaptiveCard([
    heading(t('notice.decisionTitle', locale)),
    userText(proposal.title || '—', { weight: 'Bolder' }),
    facts([
      [t('receipt.number', locale), proposal.receiptNumber],
      [t('notice.decisionResult', locale), PROPOSAL_STATE_LABELS[proposal.state][locale]],
    ]),
    ...decisionDetails(proposal, locale),
    note(t('notice.seeMine', locale)),
  ]);
}

/** To an applicant: seated (with the role) or not, once the secretariat has formed the team. */
export function recruitmentOutcomeCard(data: { locale: Locale; projectTitle: string; seat?: TeamRole | undefined }): AdaptiveCard {
  const { locale } = data;
  const project = neutraliseMarkdown(data.projectTitle);
  return adaptiveCard([
    heading(t('notice.recruitmentTitle', locale)),
    data.seat
      ? userText(t('notice.recruitmentSelected', locale, { project, role: TEAM_ROLE_LABELS[data.seat][locale] }), { weight: 'Bolder', color: 'Good' })
      : userText(t('notice.recruitmentNotSelected', locale, { project })),
    ...(data.seat ? [note(t('notice.recruitmentNext', locale))] : []),
  ]);
}

/**
 * To someone who had answered a convocation: the meeting moved or was cancelled. It shows the
 * meeting as it is now, their answer (given for the old time) and, if it still takes place, the
 * buttons to answer again.
 */
export function personalMeetingChangeCard(data: {
  locale: Locale;
  view: MeetingView;
  change: 'rescheduled' | 'cancelled';
  previousStartsAt: Date;
  answer?: Rsvp | undefined;
}): AdaptiveCard {
  const { locale, view } = data;
  const title = meetingTitle(view, locale);
  const what =
    data.change === 'cancelled'
      ? t('notice.cancelled', locale, { meeting: title })
      : t('notice.rescheduled', locale, { meeting: title, previous: formatDateTime(data.previousStartsAt, locale) });
  const body = [
    heading(t('notice.meetingChangedTitle', locale)),
    userText(what, { weight: 'Bolder', color: data.change === 'cancelled' ? 'Attention' : 'Warning' }),
    subheading(title),
    ...meetingDetails({ ...view, forConversation: true }, locale),
  ];
  if (data.answer) body.push(facts([[t('notice.yourAnswer', locale), RSVP_LABELS[data.answer.response][locale]]]));
  let actions: CardAction[] = [];
  if (data.change === 'rescheduled' && view.mayAnswer && view.meeting.status === 'convened') {
    const rsvp = rsvpActions(view.meeting.id, locale);
    body.push(note(t('notice.answerAgain', locale)), rsvp.input);
    actions = rsvp.actions;
  }
  return adaptiveCard(body, { actions });
}
