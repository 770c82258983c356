import { mayFollowAttendance } from '../../shared/bodies/convene-permission.js';
import { isExpectedAttendee } from '../../shared/meetings/attendance.js';
import { expectedAttendees, tallyAttendance } from '../../shared/meetings/attendance-tally.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { Repositories } from '../../shared/ports/store.js';
import { displayItemNumbers, type ProjectTeam } from '../../shared/plan/project-team.js';
import { hasMaterials, mayPrepareMaterials } from '../../shared/use-cases/meeting-materials.js';
import type { AttendanceFollowUp, MeetingView } from '../cards/meetings-card.js';

/**
 * Builds what one person sees of some meetings: body names, PT names on the agenda, their RSVP.
 * It reads PTs only when a PT meeting or a progress-report item needs them, and the viewer's
 * answers in one query: this runs on every `会議` command. Only for meetings whose answers the
 * viewer follows (convener, secretariat) are the directory and everyone's answers read, for the tally.
 */
export async function meetingViews(repos: Repositories, meetings: readonly Meeting[], viewer: Staff | undefined): Promise<MeetingView[]> {
  if (meetings.length === 0) return [];
  const bodies = new Map((await repos.bodies.list()).map((body) => [body.id, body]));
  const needsTeams = meetings.some((meeting) => bodies.get(meeting.bodyId)?.kind === 'pt' || meeting.agenda.some((item) => item.ptId));
  const teams: ProjectTeam[] = needsTeams ? await repos.projectTeams.list() : [];
  const projectTeams = new Map(teams.map((team) => [team.id, { displayName: `${displayItemNumbers(team)} ${team.title}`, title: team.title }]));
  const teamOf = (meeting: Meeting) => {
    const body = bodies.get(meeting.bodyId);
    return body?.kind === 'pt' ? teams.find((pt) => pt.bodyId === body.id) : undefined;
  };
  const answerable = meetings.filter((meeting) => {
    const body = bodies.get(meeting.bodyId);
    return viewer !== undefined && body !== undefined && isExpectedAttendee(body, viewer, teamOf(meeting));
  });
  const rsvps = viewer
    ? await repos.meetings.listRsvpsOf(
        viewer.id,
        answerable.map((meeting) => meeting.id),
      )
    : [];
  const followed = meetings.filter((meeting) => {
    const body = bodies.get(meeting.bodyId);
    return viewer !== undefined && body !== undefined && mayFollowAttendance(body, viewer);
  });
  const directory = followed.length ? await repos.staff.list() : [];
  const followUps = new Map<string, AttendanceFollowUp>();
  for (const meeting of followed) {
    const expected = expectedAttendees(bodies.get(meeting.bodyId)!, directory, teamOf(meeting));
    const record = meeting.rsvpReminder;
    const sender = record ? directory.find((person) => person.id === record.sentByStaffId) : undefined;
    followUps.set(meeting.id, {
      tally: tallyAttendance(expected, await repos.meetings.listRsvps(meeting.id)),
      reminder: record ? { sentAt: record.sentAt, byName: sender?.displayName ?? record.sentByStaffId } : undefined,
      mayRemind: meeting.status === 'convened' && !record,
    });
  }
  return meetings.map((meeting) => ({
    meeting,
    bodyName: bodies.get(meeting.bodyId)?.shortName ?? meeting.bodyId,
    projectTeams,
    myRsvp: rsvps.find((rsvp) => rsvp.meetingId === meeting.id),
    mayAnswer: answerable.includes(meeting),
    attendance: followUps.get(meeting.id),
    mayGetMaterials: viewer !== undefined && hasMaterials(meeting) && bodies.has(meeting.bodyId) && mayPrepareMaterials(bodies.get(meeting.bodyId)!, viewer),
  }));
}
