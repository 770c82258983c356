import type { CallTrack } from '../calls/proposal-call.js';
import type { Meeting } from '../meetings/meeting.js';
import type { ActionItem } from '../minutes/action-item.js';
import { addDays, instantAtJst, jstDateOf, onOrBeforeBusinessDay, type IsoDate } from '../time/index.js';

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

/** Days before an action item's due date when its owners are reminded. */
export const ACTION_REMINDER_OFFSETS = [3, 1] as const;

/**
 * Reminders `offsets` days before `day`, 09:00 JST, each moved back off weekends and holidays; two
 * that land on the same day are one.
 */
function remindersBefore(seriesKey: string, day: IsoDate, offsets: readonly number[], expiresAt: Date, hourJst: number): PersonalOccurrence[] {
  return offsets
    .map((offset) => ({
      key: `${seriesKey}:d${offset}`,
      seriesKey,
      dueAt: instantAtJst(onOrBeforeBusinessDay(addDays(day, -offset)), hourJst, 0),
      expiresAt,
    }))
    .filter((occurrence, index, all) => all.findIndex((other) => other.dueAt.getTime() === occurrence.dueAt.getTime()) === index);
}

/** 3 and 1 days before the track's deadline day, 09:00 JST, moved back off weekends and holidays. */
export function planDraftReminders(proposalId: string, track: CallTrack, hourJst = 9): PersonalOccurrence[] {
  return remindersBefore(`draft:${proposalId}:${track.deadlineDate}`, track.deadlineDate, DRAFT_REMINDER_OFFSETS, track.closesAt, hourJst);
}

/** 3 and 1 days before an action item's due date, 09:00 JST on a business day; each expires when the due day ends. */
export function planActionReminders(item: Pick<ActionItem, 'id' | 'dueOn'>, hourJst = 9): PersonalOccurrence[] {
  return remindersBefore(`action:${item.id}:${item.dueOn}`, item.dueOn, ACTION_REMINDER_OFFSETS, instantAtJst(addDays(item.dueOn, 1), 0, 0), hourJst);
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
