import { DomainError } from '../domain-error.js';

/**
 * planned → convened → held | cancelled; a planned meeting may also be cancelled. `prepared` is a
 * convocation the secretariat drafted (要綱 art. 7) that the chair has not issued yet: nothing about
 * it is sent to members until it is issued (→ convened) or it is withdrawn (→ cancelled).
 */
export type MeetingStatus = 'planned' | 'prepared' | 'convened' | 'held' | 'cancelled';

/** An agenda item; `ptProgress` items name the PT whose progress is reported. */
export interface AgendaItem {
  readonly title: string;
  readonly kind: 'general' | 'ptProgress';
  readonly ptId?: string | undefined;
}

/** A non-member asked to attend and give opinions (要綱 art. 4(2), 5(4)). */
export interface Guest {
  readonly name: string;
  readonly affiliation?: string | undefined;
}

/** The time and place before a change, kept so a rescheduled meeting keeps its history. */
export interface ScheduleChange {
  readonly changedAt: Date;
  readonly changedByStaffId: string;
  readonly previousStartsAt: Date;
  readonly previousEndsAt: Date;
  readonly previousPlace?: string | undefined;
  readonly reason?: string | undefined;
}

/** The one reminder a convener may send to those who have not answered (who, when, to how many). */
export interface RsvpReminderRecord {
  readonly sentAt: Date;
  readonly sentByStaffId: string;
  /** Unanswered attendees it was planned for (they have a personal chat with the bot). */
  readonly recipients: number;
  /** Unanswered attendees it could not reach: the bot is not installed for them. */
  readonly unreachable: number;
}

export interface Meeting {
  readonly id: string;
  readonly bodyId: string;
  /** 第N回 within the body's fiscal year. */
  readonly ordinal: number;
  readonly fiscalYear: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly place?: string | undefined;
  readonly onlineUrl?: string | undefined;
  readonly agenda: readonly AgendaItem[];
  readonly guests: readonly Guest[];
  readonly status: MeetingStatus;
  readonly convenedAt?: Date | undefined;
  readonly convenedByStaffId?: string | undefined;
  readonly history: readonly ScheduleChange[];
  readonly demo: boolean;
  readonly rsvpReminder?: RsvpReminderRecord | undefined;
  /** Who in the secretariat drafted the convocation, and when (only for a prepared one). */
  readonly preparedByStaffId?: string | undefined;
  readonly preparedAt?: Date | undefined;
}

/** The meeting the chair (or secretariat) has called; notices go out at this point. */
export function convene(meeting: Meeting, byStaffId: string, at: Date): Meeting {
  if (meeting.status !== 'planned' && meeting.status !== 'prepared') {
    throw new DomainError('meeting.illegalTransition', { from: meeting.status, to: 'convened' });
  }
  return { ...meeting, status: 'convened', convenedAt: at, convenedByStaffId: byStaffId };
}

/** The secretariat's draft: the meeting waits for the chair to issue it. */
export function prepare(meeting: Meeting, byStaffId: string, at: Date): Meeting {
  if (meeting.status !== 'planned') {
    throw new DomainError('meeting.illegalTransition', { from: meeting.status, to: 'prepared' });
  }
  return { ...meeting, status: 'prepared', preparedByStaffId: byStaffId, preparedAt: at };
}

/** The chair issues a prepared convocation with the guests they confirmed (要綱 art. 4(2), 5(4)). */
export function issue(meeting: Meeting, guests: readonly Guest[], byStaffId: string, at: Date): Meeting {
  if (meeting.status !== 'prepared') {
    throw new DomainError('meeting.illegalTransition', { from: meeting.status, to: 'convened' });
  }
  return convene({ ...meeting, guests }, byStaffId, at);
}

/** Moves the meeting, keeping the old time and place in its history. */
export function reschedule(
  meeting: Meeting,
  change: { startsAt: Date; endsAt: Date; place?: string | undefined; reason?: string | undefined },
  byStaffId: string,
  at: Date,
): Meeting {
  if (meeting.status === 'held' || meeting.status === 'cancelled') {
    throw new DomainError('meeting.illegalTransition', { from: meeting.status, to: 'rescheduled' });
  }
  assertValidTimes(change.startsAt, change.endsAt);
  const previous: ScheduleChange = {
    changedAt: at,
    changedByStaffId: byStaffId,
    previousStartsAt: meeting.startsAt,
    previousEndsAt: meeting.endsAt,
    previousPlace: meeting.place,
    reason: change.reason,
  };
  return {
    ...meeting,
    startsAt: change.startsAt,
    endsAt: change.endsAt,
    place: change.place ?? meeting.place,
    history: [...meeting.history, previous],
  };
}

export function cancel(meeting: Meeting): Meeting {
  if (meeting.status === 'held' || meeting.status === 'cancelled') {
    throw new DomainError('meeting.illegalTransition', { from: meeting.status, to: 'cancelled' });
  }
  return { ...meeting, status: 'cancelled' };
}

export function markHeld(meeting: Meeting): Meeting {
  if (meeting.status !== 'convened') {
    throw new DomainError('meeting.illegalTransition', { from: meeting.status, to: 'held' });
  }
  return { ...meeting, status: 'held' };
}

export function assertValidTimes(startsAt: Date, endsAt: Date): void {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) {
    throw new DomainError('meeting.invalidTime', {}, 'startsAt');
  }
  if (endsAt.getTime() <= startsAt.getTime()) throw new DomainError('meeting.endBeforeStart', {}, 'endsAt');
}
