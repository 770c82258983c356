import { isExpectedAttendee } from '../../shared/meetings/attendance.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { Repositories } from '../../shared/ports/store.js';
import { displayItemNumbers } from '../../shared/plan/project-team.js';
import type { MeetingView } from '../cards/meetings-card.js';

/** Builds what one person sees of some meetings: body names, PT names on the agenda, their RSVP. */
export async function meetingViews(repos: Repositories, meetings: readonly Meeting[], viewer: Staff | undefined): Promise<MeetingView[]> {
  const bodies = new Map((await repos.bodies.list()).map((body) => [body.id, body]));
  const teams = await repos.projectTeams.list();
  const ptNames = new Map(teams.map((team) => [team.id, `${displayItemNumbers(team)} ${team.title}`]));
  const views: MeetingView[] = [];
  for (const meeting of meetings) {
    const body = bodies.get(meeting.bodyId);
    const team = body?.kind === 'pt' ? teams.find((pt) => pt.bodyId === body.id) : undefined;
    const mayAnswer = viewer !== undefined && body !== undefined && isExpectedAttendee(body, viewer, team);
    const myRsvp = mayAnswer ? (await repos.meetings.listRsvps(meeting.id)).find((rsvp) => rsvp.staffId === viewer!.id) : undefined;
    views.push({ meeting, bodyName: body?.shortName ?? meeting.bodyId, ptNames, myRsvp, mayAnswer });
  }
  return views;
}
