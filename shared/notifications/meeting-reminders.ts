import type { Meeting } from '../meetings/meeting.js';
import { businessDayBefore, instantAtJst, jstDateOf } from '../time/index.js';

/**
 * The reminder of a convened meeting, sent the business day before at 09:00 JST. `fingerprint`
 * covers every field the reminder's text depends on, so a reminder planned before a reschedule
 * is recognised as stale and never sent.
 */
export interface MeetingReminderOccurrence {
  readonly key: string;
  readonly seriesKey: string;
  readonly meetingId: string;
  readonly fingerprint: string;
  readonly dueAt: Date;
  readonly expiresAt: Date;
}

export function meetingFingerprint(meeting: Meeting): string {
  return [meeting.status, meeting.startsAt.toISOString(), meeting.endsAt.toISOString(), meeting.place ?? '', meeting.onlineUrl ?? ''].join('|');
}

export function planMeetingReminder(meeting: Meeting, hourJst = 9): MeetingReminderOccurrence | undefined {
  if (meeting.status !== 'convened') return undefined;
  const fingerprint = meetingFingerprint(meeting);
  const day = businessDayBefore(jstDateOf(meeting.startsAt));
  return {
    key: `meeting:${meeting.id}:reminder:${meeting.startsAt.toISOString()}`,
    seriesKey: `meeting:${meeting.id}:reminder`,
    meetingId: meeting.id,
    fingerprint,
    dueAt: instantAtJst(day, hourJst, 0),
    expiresAt: meeting.startsAt,
  };
}
