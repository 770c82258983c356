import { isExpectedAttendee } from '../../shared/meetings/attendance.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { Repositories } from '../../shared/ports/store.js';
import { displayItemNumbers, type ProjectTeam } from '../../shared/plan/project-team.js';
import type { MeetingView } from '../cards/meetings-card.js';

/**
 * Builds what one person sees of some meetings: body names, PT names on the agenda, their RSVP.
 * It reads PTs only when a PT meeting or a progress-report item needs them, and the viewer's
 * answers in one query: this runs on every `会議` command.
 */
export async function meetingViews(repos: Repositories, meetings: readonly Meeting[], viewer: Staff | undefined): Promise<MeetingView[]> {
  if (meetings.length === 0) return [];
  const bodies = new Map((await repos.bodies.list()).map((body) => [body.id, body]));
  const needsTeams = meetings.some((meeting) => bodies.get(meeting.bodyId)?.kind === 'pt' || meeting.agenda.some((item) => item.ptId));
  const teams: ProjectTeam[] = needsTeams ? await repos.projectTeams.list() : [];
  const ptNames = new Map(teams.map((team) => [team.id, `${displayItemNumbers(team)} ${team.title}`]));
  const answerable = meetings.filter((meeting) => {
    const body = bodies.get(meeting.bodyId);
    const team = body?.kind === 'pt' ? teams.find((pt) => pt.bodyId === body.id) : undefined;
    return viewer !== undefined && body !== undefined && isExpectedAttendee(body, viewer, team);
  });
  const rsvps = viewer ? await repos.meetings.listRsvpsOf(viewer.id, answerable.map((meeting) => meeting.id)) : [];
  return meetings.map((meeting) => ({
    meeting,
    bodyName: bodies.get(meeting.bodyId)?.shortName ?? meeting.bodyId,
    ptNames,
    myRsvp: rsvps.find((rsvp) => rsvp.meetingId === meeting.id),
    mayAnswer: answerable.includes(meeting),
  }));
}
