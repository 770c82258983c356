import type { Meeting } from '../../shared/meetings/meeting.js';
import { isExpectedAttendee } from '../../shared/meetings/attendance.js';
import type { Repositories } from '../../shared/ports/store.js';
import { REFRESH_USER_LIMIT } from '../cards/card-kit.js';

/**
 * Entra object ids of the meeting's expected attendees who have used the app (so their id is
 * known), for a shared card's `refresh.userIds`. Teams refreshes automatically for at most 60.
 */
export async function rosterObjectIds(repos: Repositories, meeting: Meeting): Promise<string[]> {
  const body = await repos.bodies.get(meeting.bodyId);
  if (!body) return [];
  const team = body.kind === 'pt' ? (await repos.projectTeams.list()).find((pt) => pt.bodyId === body.id) : undefined;
  return (await repos.staff.list())
    .filter((person) => person.active && person.entraObjectId && isExpectedAttendee(body, person, team))
    .map((person) => person.entraObjectId!)
    .slice(0, REFRESH_USER_LIMIT);
}
