import { z } from 'zod';
import { DomainError } from '../../shared/domain-error.js';
import { RSVP_LABELS } from '../../shared/i18n/labels.js';
import type { AgendaItem, Guest } from '../../shared/meetings/meeting.js';
import { MEETING_LIMITS } from '../../shared/meetings/meeting-input.js';
import { instantAtJst, parseIsoDate } from '../../shared/time/index.js';
import { mayPrepareConvocation } from '../../shared/bodies/convene-permission.js';
import { answerRsvp, conveneMeeting, issueConvocation, mayConveneNow, prepareConvocation } from '../../shared/use-cases/meeting-convocation.js';
import { remindUnanswered } from '../../shared/use-cases/rsvp-reminder.js';
import { conveneCard, type ConveneFormValues } from '../cards/convene-card.js';
import { guestToggleId, issueCard } from '../cards/issue-card.js';
import { meetingCard, meetingTitle } from '../cards/meetings-card.js';
import type { BotTurn } from '../commands/command-turn.js';
import { t } from '../i18n/bot-text.js';
import { meetingViews } from '../views/meeting-view.js';
import { conveneOffers } from '../views/roles.js';
import { rosterUserIds } from '../views/roster.js';
import { actionPayload, cardResult, errorCodes, fieldErrors, id, isDomainRefusal, optionalText, refusal, type ActionHandler } from './action-result.js';

const rsvpPayload = actionPayload({
  meetingId: id,
  response: z.enum(['attend', 'absent', 'proxy']),
  /** The id of the proxy-name input on the same card, whose value arrives beside the action data. */
  proxyInput: z.string().max(150).optional(),
});
const viewPayload = actionPayload({ meetingId: id });
const time = z.string().regex(/^\d{2}:\d{2}$/);
const convenePayload = actionPayload({
  meetingId: id,
  bodyId: id,
  date: z.string().max(10),
  startTime: time.or(z.literal('')),
  endTime: time.or(z.literal('')),
  place: optionalText(MEETING_LIMITS.place),
  onlineUrl: optionalText(MEETING_LIMITS.onlineUrl),
  agenda: optionalText(MEETING_LIMITS.agendaItems * (MEETING_LIMITS.agendaTitle + 1)),
  guests: optionalText(MEETING_LIMITS.guests * (MEETING_LIMITS.guestName + 1)),
  /** Which button of a form offering both was pressed; without it, convene what one may, else prepare. */
  mode: z.enum(['convene', 'prepare']).optional(),
});

/** One person's view of a meeting card, with the roster listed for Teams to refresh it per person. */
export async function personalMeetingCard(turn: BotTurn, meetingId: string, heading?: string) {
  const repos = turn.ctx.store.repositories;
  const meeting = await repos.meetings.get(meetingId);
  if (!meeting) throw new DomainError('meeting.notFound');
  const [view] = await meetingViews(repos, [meeting], turn.staff);
  return meetingCard({ locale: turn.locale, view: view!, heading, refreshUserIds: await rosterUserIds(repos, meeting), teamsAppId: turn.ctx.teamsAppId });
}

export const rsvpAction: ActionHandler = async (turn, data) => {
  const payload = rsvpPayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const proxyValue = payload.proxyInput ? data[payload.proxyInput] : undefined;
  const rsvp = await answerRsvp(turn.ctx, turn.staff, {
    meetingId: payload.meetingId,
    response: payload.response,
    proxyName: typeof proxyValue === 'string' ? proxyValue : undefined,
  });
  return cardResult(await personalMeetingCard(turn, rsvp.meetingId, t('rsvp.saved', turn.locale, { response: RSVP_LABELS[rsvp.response][turn.locale] })));
};

/** Teams asks for each listed user's own view of a shared card (`refresh`). */
export const meetingViewAction: ActionHandler = async (turn, data) => cardResult(await personalMeetingCard(turn, viewPayload.parse(data).meetingId));

/** The convener's once-only reminder to those who have not answered; the card then says it was sent. */
export const remindUnansweredAction: ActionHandler = async (turn, data) => {
  const { meetingId } = viewPayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const { reminder } = await remindUnanswered(turn.ctx, turn.staff, meetingId);
  const counts = { recipients: reminder.recipients, unreachable: reminder.unreachable };
  const done = t(reminder.unreachable ? 'meetings.remindedUnreachable' : 'meetings.reminded', turn.locale, counts);
  return cardResult(await personalMeetingCard(turn, meetingId, done));
};

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

export const conveneAction: ActionHandler = async (turn, data) => {
  const payload = convenePayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const values: ConveneFormValues = payload;
  const redisplay = async (errors: Record<string, string>) => {
    const offers = await conveneOffers(turn.ctx.store.repositories, turn.staff, turn.ctx.clock.now());
    return cardResult(
      conveneCard({
        locale: turn.locale,
        meetingId: payload.meetingId,
        bodies: offers.map(({ body, mode }) => ({ id: body.id, name: body.name, mode })),
        values,
        errors,
      }),
    );
  };
  const missing: Record<string, string> = {};
  for (const field of ['date', 'startTime', 'endTime'] as const) {
    if (!payload[field])
      missing[field] = t('convene.required', turn.locale, {
        field: t(field === 'date' ? 'convene.date' : field === 'startTime' ? 'convene.start' : 'convene.end', turn.locale),
      });
  }
  if (!lines(payload.agenda).length) missing.agenda = t('convene.required', turn.locale, { field: t('convene.agenda', turn.locale) });
  if (Object.keys(missing).length) return redisplay(missing);
  try {
    const date = parseIsoDate(payload.date);
    const at = (hhmm: string) => instantAtJst(date, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)));
    const agenda: AgendaItem[] = lines(payload.agenda).map((title) => ({ title, kind: 'general' }));
    const guests: Guest[] = lines(payload.guests).map((name) => ({ name }));
    const body = await turn.ctx.store.repositories.bodies.get(payload.bodyId);
    // The chair convenes; HQ's and the council's secretariat prepares a draft for the chair to issue.
    const prepares =
      payload.mode === 'prepare' ||
      (payload.mode === undefined && body !== undefined && !(await mayConveneNow(turn.ctx, body, turn.staff)) && mayPrepareConvocation(body, turn.staff));
    const meeting = await (prepares ? prepareConvocation : conveneMeeting)(turn.ctx, turn.staff, {
      meetingId: payload.meetingId,
      bodyId: payload.bodyId,
      startsAt: at(payload.startTime),
      endsAt: at(payload.endTime),
      place: payload.place,
      onlineUrl: payload.onlineUrl,
      agenda,
      guests,
    });
    if (meeting.status === 'prepared') {
      const [view] = await meetingViews(turn.ctx.store.repositories, [meeting], turn.staff);
      return cardResult(
        meetingCard({ locale: turn.locale, view: view!, heading: t('convene.prepared', turn.locale, { meeting: meetingTitle(view!, turn.locale) }) }),
      );
    }
    return cardResult(await personalMeetingCard(turn, meeting.id));
  } catch (error) {
    if (!isDomainRefusal(error)) throw error;
    if (errorCodes(error).some((code) => code.startsWith('meeting.notAllowedTo'))) {
      // The wrong one of a mixed form's two buttons: the form comes back with the reason and what was typed.
      if (payload.mode) return redisplay(fieldErrors(error, turn.locale));
      return refusal(error, turn.locale);
    }
    const { startsAt, endsAt, ...rest } = fieldErrors(error, turn.locale);
    return redisplay({ ...rest, ...(startsAt ? { startTime: startsAt } : {}), ...(endsAt ? { endTime: endsAt } : {}) });
  }
};

const proposedNames = z
  .string()
  .max(MEETING_LIMITS.guests * (MEETING_LIMITS.guestName + 8))
  .transform((text, context) => {
    try {
      return z.array(z.string()).max(MEETING_LIMITS.guests).parse(JSON.parse(text));
    } catch {
      context.addIssue({ code: 'custom', message: 'proposed guests' });
      return z.NEVER;
    }
  });
const issuePayload = actionPayload({ meetingId: id, proposed: proposedNames.optional() });

/**
 * The chair (or acting chair) issues a prepared convocation from the card in their personal chat:
 * the proposed guests whose toggle stayed on are asked to attend; the others are not.
 */
export const issueAction: ActionHandler = async (turn, data) => {
  const payload = issuePayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const repos = turn.ctx.store.repositories;
  const meeting = await repos.meetings.get(payload.meetingId);
  if (!meeting) throw new DomainError('meeting.notFound');
  const confirmed = new Set((payload.proposed ?? []).filter((_, index) => data[guestToggleId(index)] !== 'false'));
  const issued = await issueConvocation(turn.ctx, turn.staff, { meetingId: meeting.id, guests: meeting.guests.filter((guest) => confirmed.has(guest.name)) });
  const [view] = await meetingViews(repos, [issued], turn.staff);
  return cardResult(issueCard({ locale: turn.locale, view: view!, outcome: t('issue.done', turn.locale) }));
};
