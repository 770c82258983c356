import type { CallTrack, ProposalCall } from '../calls/proposal-call.js';
import { addDays, instantAtJst, onOrBeforeBusinessDay } from '../time/index.js';

/**
 * One planned reminder of a track's deadline. `offsetDays` 0 is "closes today"; `closed` is the
 * notice after the deadline with the number of proposals received. `seriesKey` groups a track's
 * reminders so a catch-up after downtime sends only the latest one still relevant.
 */
export interface DeadlineOccurrence {
  readonly key: string;
  readonly seriesKey: string;
  readonly callId: string;
  readonly track: CallTrack['kind'];
  readonly kind: 'countdown' | 'closed';
  readonly offsetDays: number;
  readonly dueAt: Date;
  /** After this instant the reminder is stale and must not be sent (the deadline has passed). */
  readonly expiresAt: Date;
}

/**
 * The reminders of every track of a call: N days before the deadline day at the call's hour
 * (09:00 JST by default), each moved back to the previous business day when it falls on a weekend
 * or holiday, plus a "closed" notice at the first business morning after the deadline.
 */
export function planDeadlineReminders(call: ProposalCall): DeadlineOccurrence[] {
  if (call.status !== 'published') return [];
  const { offsetsDays, hourJst } = call.reminderPolicy;
  return call.tracks.flatMap((track) => {
    const seriesKey = `deadline:${call.id}:${track.kind}`;
    const countdown = [...new Set(offsetsDays)]
      .sort((a, b) => b - a)
      .map((offsetDays): DeadlineOccurrence => {
        const day = onOrBeforeBusinessDay(addDays(track.deadlineDate, -offsetDays));
        return {
          key: `${seriesKey}:${track.deadlineDate}:d${offsetDays}`,
          seriesKey,
          callId: call.id,
          track: track.kind,
          kind: 'countdown',
          offsetDays,
          dueAt: instantAtJst(day, hourJst, 0),
          expiresAt: track.closesAt,
        };
      })
      .filter((occurrence) => occurrence.dueAt < track.closesAt && occurrence.dueAt >= call.opensAt)
      // Two offsets moved onto the same business day (3 and 1 days before a deadline after Golden
      // Week) would send two reminders at once: keep the more urgent one. Its text counts the days
      // left at sending time, so it reads right either way.
      .filter((occurrence, index, all) => !all.some((other, j) => j > index && other.dueAt.getTime() === occurrence.dueAt.getTime()));
    const closedDay = nextBusinessDayOnOrAfter(addDays(track.deadlineDate, 1));
    const closed: DeadlineOccurrence = {
      key: `${seriesKey}:${track.deadlineDate}:closed`,
      seriesKey: `${seriesKey}:closed`,
      callId: call.id,
      track: track.kind,
      kind: 'closed',
      offsetDays: -1,
      dueAt: instantAtJst(closedDay, hourJst, 0),
      expiresAt: instantAtJst(addDays(closedDay, 7), 0, 0),
    };
    return [...countdown, closed];
  });
}

function nextBusinessDayOnOrAfter(date: string): string {
  let day = date;
  while (onOrBeforeBusinessDay(day) !== day) day = addDays(day, 1);
  return day;
}
