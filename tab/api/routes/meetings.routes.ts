import type { Server } from 'restify';
import { z } from 'zod';
import { answerRsvp } from '../../../shared/use-cases/meeting-convocation.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { HttpProblem } from '../http/error-response.js';
import { pathId, requireStaff } from '../http/input.js';
import { presentMeetingDetail, presentMeetingSummary } from '../views/meeting-view.js';

const listQuery = z.object({ bodyId: z.string().max(100).optional(), fiscalYear: z.coerce.number().int().min(2019).max(2100).optional() });
const rsvpInput = z.strictObject({ response: z.enum(['attend', 'absent', 'proxy']), proxyName: z.string().max(100).optional() });

/** Meetings: the list, one meeting with its roster and who presides, and the caller's RSVP. */
export function mountMeetingRoutes(server: Server, deps: ApiDeps): void {
  const repos = deps.ctx.store.repositories;
  const teamOfBody = async (bodyId: string) => (await repos.projectTeams.list()).find((team) => team.bodyId === bodyId);

  server.get(
    '/api/v1/meetings',
    authedRoute(deps, async ({ viewer, query }) => {
      const filter = listQuery.parse({ bodyId: query.bodyId, fiscalYear: query.fiscalYear });
      const meetings = (await repos.meetings.list(filter)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const bodies = new Map(viewer.bodies.map((body) => [body.id, body]));
      const teams = new Map((await repos.projectTeams.list()).map((team) => [team.bodyId, team]));
      const staff = viewer.staff;
      const json = await Promise.all(
        meetings.map(async (meeting) => {
          const myRsvp = staff ? (await repos.meetings.listRsvps(meeting.id)).find((rsvp) => rsvp.staffId === staff.id) : undefined;
          return presentMeetingSummary(meeting, bodies.get(meeting.bodyId), { staff, team: teams.get(meeting.bodyId), myRsvp });
        }),
      );
      return { json };
    }),
  );

  server.get(
    '/api/v1/meetings/:id',
    authedRoute(deps, async ({ viewer, params }) => {
      const meeting = await repos.meetings.get(pathId(params, 'id'));
      const body = meeting ? viewer.bodies.find((candidate) => candidate.id === meeting.bodyId) : undefined;
      if (!meeting || !body) throw new HttpProblem(404, 'notFound');
      const [posts, rsvps, staffList, team] = await Promise.all([repos.posts.list(), repos.meetings.listRsvps(meeting.id), repos.staff.list(), teamOfBody(body.id)]);
      const holdersByPost = new Map<string, Staff[]>();
      for (const person of staffList) {
        if (person.active && person.postId) holdersByPost.set(person.postId, [...(holdersByPost.get(person.postId) ?? []), person]);
      }
      const json = presentMeetingDetail({
        meeting,
        body,
        posts: new Map(posts.map((post) => [post.id, post])),
        holdersByPost,
        rsvps,
        staffById: new Map(staffList.map((person) => [person.id, person])),
        viewer: { staff: viewer.staff, team },
      });
      return { json };
    }),
  );

  server.put(
    '/api/v1/meetings/:id/rsvp',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const actor = requireStaff(viewer);
      const input = rsvpInput.parse(await body());
      const rsvp = await answerRsvp(deps.ctx, actor, { meetingId: pathId(params, 'id'), ...input });
      return { json: { response: rsvp.response, proxyName: rsvp.proxyName, answeredAt: rsvp.answeredAt.toISOString() } };
    }),
  );
}
