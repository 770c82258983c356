import type { Body } from '../bodies/body.js';
import type { Staff } from '../organisation/staff.js';
import { expectsUnit, type ProjectTeam } from '../plan/project-team.js';

/**
 * Whether a person is expected at a body's meetings. HQ and the council list posts, so the
 * current holder of a roster post attends; a PT lists units, so staff of its secretariat and
 * member units attend, including the sections a listed department or group covers. The secretariat of any body may also answer, since it runs the meeting.
 */
export function isExpectedAttendee(body: Body, staff: Staff, team?: ProjectTeam): boolean {
  if (staff.postId && body.roster.some((entry) => entry.postId === staff.postId)) return true;
  if (!staff.unitId) return false;
  if (body.secretariatUnitIds.includes(staff.unitId)) return true;
  return team !== undefined && expectsUnit(team, staff.unitId);
}
