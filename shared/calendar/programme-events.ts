import type { Body } from '../bodies/body.js';
import type { ProposalCall } from '../calls/proposal-call.js';
import { TRACK_LABELS } from '../i18n/labels.js';
import type { Meeting } from '../meetings/meeting.js';
import { addDays } from '../time/jst.js';
import type { CalendarEvent } from './icalendar.js';

const UID_DOMAIN = 'gyosei-keiei.teams';
const STATUS = { planned: 'TENTATIVE', prepared: 'TENTATIVE', convened: 'CONFIRMED', held: 'CONFIRMED', cancelled: 'CANCELLED' } as const;

/**
 * A meeting as a calendar event. A cancelled meeting stays in the feed as CANCELLED so subscribed
 * calendars remove it; every reschedule and the cancellation raise SEQUENCE.
 */
export function meetingEvent(meeting: Meeting, body: Body | undefined): CalendarEvent {
  const agenda = meeting.agenda.map((item, index) => `${index + 1}. ${item.title}`);
  const description = [agenda.length ? `議題:\n${agenda.join('\n')}` : '', meeting.onlineUrl ? `オンライン: ${meeting.onlineUrl}` : '']
    .filter(Boolean)
    .join('\n');
  return {
    uid: `meeting-${meeting.id}@${UID_DOMAIN}`,
    summary: `${meeting.demo ? '【デモ】' : ''}${body?.name ?? meeting.bodyId} 第${meeting.ordinal}回`,
    start: { instant: meeting.startsAt },
    end: { instant: meeting.endsAt },
    description: description || undefined,
    location: meeting.place,
    url: meeting.onlineUrl,
    status: STATUS[meeting.status],
    sequence: meeting.history.length + (meeting.status === 'cancelled' ? 1 : 0),
  };
}

/** Each track's deadline of a published call, as an all-day event on the last day (JST). */
export function callDeadlineEvents(call: ProposalCall): CalendarEvent[] {
  if (call.status !== 'published') return [];
  return call.tracks.map((track) => ({
    uid: `call-${call.id}-${track.kind}@${UID_DOMAIN}`,
    summary: `締切: ${call.title}（${TRACK_LABELS[track.kind].ja}）`,
    start: { date: track.deadlineDate },
    end: { date: addDays(track.deadlineDate, 1) },
    description: `${call.title}\n${TRACK_LABELS[track.kind].ja}: ${track.deadlineDate} まで`,
    status: 'CONFIRMED',
    transparent: true,
  }));
}
