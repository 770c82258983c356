import type { Body } from '../bodies/body.js';
import type { Staff } from '../organisation/staff.js';
import type { ProjectTeam } from '../plan/project-team.js';
import { isExpectedAttendee } from './attendance.js';
import type { Rsvp } from './rsvp.js';

/** How a meeting's expected attendees have answered: 出席 / 欠席 / 代理 / 未回答, out of `expected`. */
export interface AttendanceTally {
  readonly attend: number;
  readonly absent: number;
  readonly proxy: number;
  readonly unanswered: number;
  readonly expected: number;
}

/** The active staff expected at a body's meetings (see `isExpectedAttendee`). */
export function expectedAttendees(body: Body, staff: readonly Staff[], team?: ProjectTeam): Staff[] {
  return staff.filter((person) => person.active && isExpectedAttendee(body, person, team));
}

/** Expected attendees who have not answered yet. */
export function unansweredAttendees(expected: readonly Staff[], rsvps: readonly Rsvp[]): Staff[] {
  const answered = new Set(rsvps.map((rsvp) => rsvp.staffId));
  return expected.filter((person) => !answered.has(person.id));
}

/**
 * Counts the answers of the expected attendees only, so the four numbers add up to `expected`;
 * an answer from someone no longer expected (moved to another post) is not counted.
 */
export function tallyAttendance(expected: readonly Staff[], rsvps: readonly Rsvp[]): AttendanceTally {
  const expectedIds = new Set(expected.map((person) => person.id));
  const counted = rsvps.filter((rsvp) => expectedIds.has(rsvp.staffId));
  const count = (response: Rsvp['response']) => counted.filter((rsvp) => rsvp.response === response).length;
  return { attend: count('attend'), absent: count('absent'), proxy: count('proxy'), unanswered: expected.length - counted.length, expected: expected.length };
}
