import type { Server } from 'restify';
import { z } from 'zod';
import {
  conveneAuthority,
  defaultConveneBody,
  isSecretariatOf,
  mayFollowAttendance,
  mayPrepareConvocation,
  type ConveneSituation,
} from '../../../shared/bodies/convene-permission.js';
import type { Body } from '../../../shared/bodies/body.js';
import { compareBodies } from '../../../shared/bodies/body-order.js';
import { expectedAttendees } from '../../../shared/meetings/attendance-tally.js';
import { MEETING_LIMITS } from '../../../shared/meetings/meeting-input.js';
import type { Meeting } from '../../../shared/meetings/meeting.js';
import { displayItemNumbers } from '../../../shared/plan/project-team.js';
import {
  answerRsvp,
  cancelMeeting,
  conveneMeeting,
  issueConvocation,
  prepareConvocation,
  rescheduleMeeting,
} from '../../../shared/use-cases/meeting-convocation.js';
import { buildMeetingMaterials, hasMaterials, mayPrepareMaterials } from '../../../shared/use-cases/meeting-materials.js';
import { remindUnanswered } from '../../../shared/use-cases/rsvp-reminder.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import type { BodyDto, RsvpReminderDto } from '../../web/models/api-contract.js';
import type { Viewer } from '../auth/viewer.js';
import { DOCX_CONTENT_TYPE, renderMaterialsDocx } from '../documents/materials-docx.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { HttpProblem } from '../http/error-response.js';
import { idSchema, pathId, requireStaff } from '../http/input.js';
import { presentMeetingDetail, presentMeetingSummary } from '../views/meeting-view.js';

const listQuery = z.object({ bodyId: z.string().max(100).optional(), fiscalYear: z.coerce.number().int().min(2019).max(2100).optional() });
const rsvpInput = z.strictObject({ response: z.enum(['attend', 'absent', 'proxy']), proxyName: z.string().max(100).optional() });
/** Instants with an explicit offset (the tab sends `…+09:00`), so the browser's time zone never matters. */
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
/** Lengths get a margin so the domain's `validateMeetingDetails` reports them with its localised messages. */
const conveneInput = z.strictObject({
  meetingId: idSchema,
  bodyId: idSchema,
  startsAt: instant,
  endsAt: instant,
  place: z
    .string()
    .max(MEETING_LIMITS.place * 2)
    .optional(),
  onlineUrl: z
    .string()
    .max(MEETING_LIMITS.onlineUrl * 2)
    .optional(),
  agenda: z
    .array(z.string().max(MEETING_LIMITS.agendaTitle * 2))
    .max(MEETING_LIMITS.agendaItems * 2)
    .optional(),
  /** PTs that report progress at the meeting: each becomes a `ptProgress` agenda item naming the PT. */
  ptProgress: z.array(idSchema).max(MEETING_LIMITS.agendaItems).optional(),
  guests: z
    .array(z.strictObject({ name: z.string().max(MEETING_LIMITS.guestName * 2), affiliation: z.string().max(200).optional() }))
    .max(MEETING_LIMITS.guests * 2)
    .optional(),
});

const guestsInput = z
  .array(z.strictObject({ name: z.string().max(MEETING_LIMITS.guestName * 2), affiliation: z.string().max(200).optional() }))
  .max(MEETING_LIMITS.guests * 2);
/** The issuer's confirmed guests: those of the draft they keep, and any they add (art. 4(2), 5(4)). */
const issueInput = z.strictObject({ guests: guestsInput });
const rescheduleInput = z.strictObject({
  startsAt: instant,
  endsAt: instant,
  place: z
    .string()
    .max(MEETING_LIMITS.place * 2)
    .optional(),
  reason: z.string().max(500).optional(),
});

/**
 * Whether the viewer may convene (issue), move and cancel the body's meetings now: the chair, the
 * acting chair while the 本部長 is absent, a PT's secretariat. Not an administrator as such.
 * The use cases decide again.
 */
export function mayConvene(viewer: Viewer, body: Body, situation: ConveneSituation): boolean {
  return viewer.staff !== undefined && conveneAuthority(body, viewer.staff, situation) !== undefined;
}

/** A draft convocation is seen only by those who prepare or may issue it (and administrators). */
function maySeeDraft(viewer: Viewer, body: Body | undefined, situation: ConveneSituation): boolean {
  if (!body || !viewer.staff) return false;
  return mayConvene(viewer, body, situation) || isSecretariatOf(body, viewer.staff) || viewer.roles.admin;
}

/** Meetings: the list, one meeting with its roster and who presides, and the caller's RSVP. */
export function mountMeetingRoutes(server: Server, deps: ApiDeps): void {
  const repos = deps.ctx.store.repositories;
  const teamOfBody = async (bodyId: string) => (await repos.projectTeams.list()).find((team) => team.bodyId === bodyId);
  const situationNow = async (): Promise<ConveneSituation> => ({ absences: await repos.postAbsences.list(), at: deps.ctx.clock.now() });
  /** The meetings (of one body, or all) whose minutes are confirmed. */
  const confirmedMinutesOf = async (bodyId?: string) =>
    new Set((await repos.minutes.list({ status: 'confirmed', ...(bodyId ? { bodyIds: [bodyId] } : {}) })).map((minutes) => minutes.meetingId));

  server.get(
    '/api/v1/meetings',
    authedRoute(deps, async ({ viewer, query }) => {
      const filter = listQuery.parse({ bodyId: query.bodyId, fiscalYear: query.fiscalYear });
      const bodies = new Map(viewer.bodies.map((body) => [body.id, body]));
      const situation = await situationNow();
      const meetings = (await repos.meetings.list(filter))
        .filter((meeting) => meeting.status !== 'prepared' || maySeeDraft(viewer, bodies.get(meeting.bodyId), situation))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const teams = new Map((await repos.projectTeams.list()).map((team) => [team.bodyId, team]));
      const confirmed = await confirmedMinutesOf(filter.bodyId);
      const staff = viewer.staff;
      const json = await Promise.all(
        meetings.map(async (meeting) => {
          const myRsvp = staff ? (await repos.meetings.listRsvps(meeting.id)).find((rsvp) => rsvp.staffId === staff.id) : undefined;
          return presentMeetingSummary(meeting, bodies.get(meeting.bodyId), { staff, team: teams.get(meeting.bodyId), myRsvp }, confirmed.has(meeting.id));
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
      const situation = await situationNow();
      if (!meeting || !body || (meeting.status === 'prepared' && !maySeeDraft(viewer, body, situation))) throw new HttpProblem(404, 'notFound');
      const [posts, rsvps, staffList, team] = await Promise.all([
        repos.posts.list(),
        repos.meetings.listRsvps(meeting.id),
        repos.staff.list(),
        teamOfBody(body.id),
      ]);
      const holdersByPost = new Map<string, Staff[]>();
      for (const person of staffList) {
        if (person.active && person.postId) holdersByPost.set(person.postId, [...(holdersByPost.get(person.postId) ?? []), person]);
      }
      const follows = viewer.staff !== undefined && mayFollowAttendance(body, viewer.staff, situation);
      const json = presentMeetingDetail({
        meeting,
        body,
        posts: new Map(posts.map((post) => [post.id, post])),
        holdersByPost,
        rsvps,
        staffById: new Map(staffList.map((person) => [person.id, person])),
        viewer: { staff: viewer.staff, team },
        expected: follows ? expectedAttendees(body, staffList, team) : undefined,
        absences: situation.absences,
        minutesConfirmed: (await repos.minutes.get(meeting.id))?.status === 'confirmed',
      });
      const mayIssue = meeting.status === 'prepared' && mayConvene(viewer, body, situation);
      const mayManage = mayConvene(viewer, body, situation) || (meeting.status === 'prepared' && isSecretariatOf(body, viewer.staff!));
      return {
        json: {
          ...json,
          mayManage,
          mayIssue,
          mayRemind: follows && meeting.status === 'convened' && !meeting.rsvpReminder && meeting.startsAt > deps.ctx.clock.now(),
          mayDownloadMaterials: viewer.staff !== undefined && hasMaterials(meeting) && mayPrepareMaterials(body, viewer.staff),
        },
      };
    }),
  );

  /** The materials pack (会議資料) as a Word document: the body's secretariat and administrators only. */
  server.get(
    '/api/v1/meetings/:id/materials.docx',
    authedRoute(deps, async ({ viewer, params }) => {
      const materials = await buildMeetingMaterials(deps.ctx, requireStaff(viewer), pathId(params, 'id'));
      return { download: { body: await renderMaterialsDocx(materials), contentType: DOCX_CONTENT_TYPE, filename: `${materials.fileStem}.docx` } };
    }),
  );

  server.get(
    '/api/v1/bodies',
    authedRoute(deps, async ({ viewer }) => {
      const situation = await situationNow();
      const mayPrepare = (body: Body) => viewer.staff !== undefined && !mayConvene(viewer, body, situation) && mayPrepareConvocation(body, viewer.staff);
      const first = defaultConveneBody(
        viewer.bodies.filter((body) => mayConvene(viewer, body, situation) || mayPrepare(body)),
        viewer.staff,
      );
      const json: BodyDto[] = [...viewer.bodies].sort(compareBodies).map((body) => ({
        id: body.id,
        kind: body.kind,
        name: body.name,
        nameEn: body.nameEn,
        shortName: body.shortName,
        mayConvene: mayConvene(viewer, body, situation),
        mayPrepare: mayPrepare(body),
        conveneDefault: body.id === first?.id,
      }));
      return { json };
    }),
  );

  const summaryOf = (viewer: Viewer, meeting: Meeting) =>
    presentMeetingSummary(
      meeting,
      viewer.bodies.find((body) => body.id === meeting.bodyId),
      { staff: viewer.staff },
    );

  /** The form's fields as the use cases take them: PT progress items first, then the typed agenda. */
  const convocationOf = async (raw: unknown) => {
    const { ptProgress, ...input } = conveneInput.parse(raw);
    const teams = new Map((await repos.projectTeams.list()).map((team) => [team.id, team]));
    const progressItems = (ptProgress ?? []).map((ptId) => {
      const team = teams.get(ptId);
      if (!team) throw new HttpProblem(404, 'notFound');
      return { title: `${displayItemNumbers(team)} ${team.title} 進捗報告`, kind: 'ptProgress' as const, ptId };
    });
    return { ...input, agenda: [...progressItems, ...(input.agenda ?? []).map((title) => ({ title, kind: 'general' as const }))] };
  };

  server.post(
    '/api/v1/meetings',
    authedRoute(deps, async ({ viewer, body }) => {
      const meeting = await conveneMeeting(deps.ctx, requireStaff(viewer), await convocationOf(await body()));
      return { status: 201, json: summaryOf(viewer, meeting) };
    }),
  );

  /** The secretariat's draft convocation of HQ or the council: nothing is sent to members (要綱 art. 7). */
  server.post(
    '/api/v1/meetings/prepare',
    authedRoute(deps, async ({ viewer, body }) => {
      const meeting = await prepareConvocation(deps.ctx, requireStaff(viewer), await convocationOf(await body()));
      return { status: 201, json: summaryOf(viewer, meeting) };
    }),
  );

  /** The chair (or acting chair) issues a draft with the guests they confirm (art. 4, 4(2), 5(3)(4)). */
  server.post(
    '/api/v1/meetings/:id/issue',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const { guests } = issueInput.parse(await body());
      const meeting = await issueConvocation(deps.ctx, requireStaff(viewer), { meetingId: pathId(params, 'id'), guests });
      return { json: summaryOf(viewer, meeting) };
    }),
  );

  server.post(
    '/api/v1/meetings/:id/reschedule',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const actor = requireStaff(viewer);
      const input = rescheduleInput.parse(await body());
      const meeting = await rescheduleMeeting(deps.ctx, actor, {
        meetingId: pathId(params, 'id'),
        ...input,
        place: input.place?.trim() || undefined,
        reason: input.reason?.trim() || undefined,
      });
      return { json: summaryOf(viewer, meeting) };
    }),
  );

  server.post(
    '/api/v1/meetings/:id/cancel',
    authedRoute(deps, async ({ viewer, params }) => {
      const meeting = await cancelMeeting(deps.ctx, requireStaff(viewer), pathId(params, 'id'));
      return { json: summaryOf(viewer, meeting) };
    }),
  );

  server.post(
    '/api/v1/meetings/:id/rsvp-reminder',
    authedRoute(deps, async ({ viewer, params }) => {
      const { reminder } = await remindUnanswered(deps.ctx, requireStaff(viewer), pathId(params, 'id'));
      const json: RsvpReminderDto = {
        sentAt: reminder.sentAt.toISOString(),
        sentByName: viewer.staff?.displayName ?? '',
        recipients: reminder.recipients,
        unreachable: reminder.unreachable,
      };
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
