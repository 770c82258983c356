import type { CallTrack } from '../calls/proposal-call.js';
import type { Meeting } from '../meetings/meeting.js';
import { addDays, instantAtJst, jstDateOf, onOrBeforeBusinessDay } from '../time/index.js';

/** Days before a track closes when an author with an unsubmitted draft is reminded. */
export const DRAFT_REMINDER_OFFSETS = [3, 1] as const;
/** Days before an HQ meeting when a PT secretariat is asked for its progress report. */
export const PROGRESS_REPORT_LEAD_DAYS = 14;

export interface PersonalOccurrence {
  readonly key: string;
  readonly seriesKey: string;
  readonly dueAt: Date;
  readonly expiresAt: Date;
}

/** 3 and 1 days before the track's deadline day, 09:00 JST, moved back off weekends and holidays. */
export function planDraftReminders(proposalId: string, track: CallTrack, hourJst = 9): PersonalOccurrence[] {
  const seriesKey = `draft:${proposalId}:${track.deadlineDate}`;
  return DRAFT_REMINDER_OFFSETS.map((offset) => ({
    key: `${seriesKey}:d${offset}`,
    seriesKey,
    dueAt: instantAtJst(onOrBeforeBusinessDay(addDays(track.deadlineDate, -offset)), hourJst, 0),
    expiresAt: track.closesAt,
  })).filter((occurrence, index, all) => all.findIndex((other) => other.dueAt.getTime() === occurrence.dueAt.getTime()) === index);
}

/**
 * Two weeks before the meeting day, 09:00 JST (a business day). A meeting convened later than that
 * asks at once: the request is still useful until the meeting starts.
 */
export function planProgressReportRequest(meeting: Meeting, ptId: string, now: Date, hourJst = 9): PersonalOccurrence {
  const planned = instantAtJst(onOrBeforeBusinessDay(addDays(jstDateOf(meeting.startsAt), -PROGRESS_REPORT_LEAD_DAYS)), hourJst, 0);
  return {
    key: `progress:${meeting.id}:${ptId}:${meeting.startsAt.toISOString()}`,
    seriesKey: `progress:${meeting.id}:${ptId}`,
    dueAt: planned > now ? planned : now,
    expiresAt: meeting.startsAt,
  };
}
