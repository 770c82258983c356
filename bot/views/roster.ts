import type { Meeting } from '../../shared/meetings/meeting.js';
import { isExpectedAttendee } from '../../shared/meetings/attendance.js';
import type { Repositories } from '../../shared/ports/store.js';
import { REFRESH_USER_LIMIT } from '../cards/card-kit.js';

/**
 * Teams user ids (MRIs, `29:…`) of the meeting's expected attendees who have written to the bot
 * (so their id is known), for a shared card's `refresh.userIds`, as Teams' documentation asks.
 * Teams refreshes automatically for at most 60.
 */
export async function rosterUserIds(repos: Repositories, meeting: Meeting): Promise<string[]> {
  const body = await repos.bodies.get(meeting.bodyId);
  if (!body) return [];
  const team = body.kind === 'pt' ? (await repos.projectTeams.list()).find((pt) => pt.bodyId === body.id) : undefined;
  return (await repos.staff.list())
    .filter((person) => person.active && person.teamsUserId && isExpectedAttendee(body, person, team))
    .map((person) => person.teamsUserId!)
    .slice(0, REFRESH_USER_LIMIT);
}
