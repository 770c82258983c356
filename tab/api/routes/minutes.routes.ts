import type { Server } from 'restify';
import { z } from 'zod';
import { isSecretariatOf } from '../../../shared/bodies/convene-permission.js';
import { DomainError } from '../../../shared/domain-error.js';
import { isExpectedAttendee } from '../../../shared/meetings/attendance.js';
import type { Meeting } from '../../../shared/meetings/meeting.js';
import { ACTION_DONE_NOTE_MAX } from '../../../shared/minutes/action-item.js';
import { ATTENDANCE_MARKS, MINUTES_LIMITS, type Minutes } from '../../../shared/minutes/minutes.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import { DECISIONS } from '../../../shared/proposals/proposal.js';
import { jstDateOf } from '../../../shared/time/index.js';
import {
  completeAction,
  confirmMinutes,
  DECIDABLE_STATES,
  minutesFor,
  myOpenActionItems,
  presidingOfficer,
  saveMinutes,
} from '../../../shared/use-cases/meeting-minutes.js';
import type { MinutesChoicesDto, MinutesDto } from '../../web/models/api-contract.js';
import type { Viewer } from '../auth/viewer.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { idSchema, pathId, requireStaff } from '../http/input.js';
import { readJsonBody } from '../http/json-body.js';
import { presentActionItems, presentMinutes, proposalName, teamName, type MinutesNames } from '../views/minutes-view.js';

/**
 * Full minutes of a long meeting (20 agenda items of 4,000 characters, 50 decisions with 20 actions
 * each) outgrow the host's ordinary limit; anything larger is refused with 413.
 */
export const MINUTES_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Lengths and counts get a margin so `validateMinutesContent` reports them with its localised messages (422). */
const text = (max: number) => z.string().max(max * 2);
const agendaIndex = z.number().int().min(0).max(1000);
const subjectInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('proposal'), proposalId: idSchema, outcome: z.enum(DECISIONS) }),
  z.strictObject({ kind: z.literal('pt'), ptId: idSchema, concern: z.enum(['direction', 'reportRequested']) }),
  z.strictObject({ kind: z.literal('schedule') }),
  z.strictObject({ kind: z.literal('general') }),
]);
const ownerInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('staff'), staffId: idSchema }),
  z.strictObject({ kind: z.literal('unit'), unitId: idSchema }),
]);
const minutesInput = z.strictObject({
  attendance: z.array(z.strictObject({ staffId: idSchema, mark: z.enum(ATTENDANCE_MARKS), proxyName: text(MINUTES_LIMITS.proxyName).optional() })).max(500),
  guestsPresent: z.array(z.string().max(200)).max(100),
  summaries: z.array(z.strictObject({ agendaIndex, summary: text(MINUTES_LIMITS.summary) })).max(100),
  decisions: z
    .array(
      z.strictObject({
        id: idSchema,
        agendaIndex: agendaIndex.optional(),
        text: text(MINUTES_LIMITS.decisionText),
        subject: subjectInput,
        actions: z
          .array(z.strictObject({ title: text(MINUTES_LIMITS.actionTitle), owner: ownerInput, dueOn: z.iso.date() }))
          .max(MINUTES_LIMITS.actionsPerDecision * 2),
      }),
    )
    .max(MINUTES_LIMITS.decisions * 2),
});
const doneInput = z.strictObject({
  note: z
    .string()
    .max(ACTION_DONE_NOTE_MAX * 2)
    .default(''),
});

/** 議事録 (minutes) of a meeting, their confirmation, and the action items (対応事項) they create. */
export function mountMinutesRoutes(server: Server, deps: ApiDeps): void {
  const repos = deps.ctx.store.repositories;

  const namesFor = async (minutes: readonly Minutes[]): Promise<MinutesNames> => {
    const proposalIds = new Set(minutes.flatMap((each) => each.decisions.flatMap((d) => (d.subject.kind === 'proposal' ? [d.subject.proposalId] : []))));
    const [staff, posts, units, teams, proposals] = await Promise.all([
      repos.staff.list(),
      repos.posts.list(),
      repos.units.list(),
      repos.projectTeams.list(),
      Promise.all([...proposalIds].map((id) => repos.proposals.get(id))),
    ]);
    return {
      staff: new Map(staff.map((person) => [person.id, person])),
      posts: new Map(posts.map((post) => [post.id, post])),
      units: new Map(units.map((unit) => [unit.id, unit])),
      teams: new Map(teams.map((team) => [team.id, team])),
      proposals: new Map(proposals.flatMap((proposal) => (proposal ? [[proposal.id, proposal]] : []))),
    };
  };

  /**
   * What the editor offers: the proposals still to be decided; the PTs; as owners the units and the
   * people likely to be asked (the meeting's expected attendees, the secretariat, the proposers).
   */
  const choicesFor = async (meeting: Meeting, minutes: Minutes, names: MinutesNames): Promise<MinutesChoicesDto> => {
    const body = await repos.bodies.get(meeting.bodyId);
    const team = [...names.teams.values()].find((candidate) => candidate.bodyId === meeting.bodyId);
    // Those a decision may still decide, and any the minutes already name.
    const decidable = await repos.proposals.list({ states: DECIDABLE_STATES });
    const proposals = new Map([...decidable, ...names.proposals.values()].map((proposal) => [proposal.id, proposal]));
    const authors = new Set([...proposals.values()].map((proposal) => proposal.authorStaffId));
    const named = new Set(minutes.decisions.flatMap((d) => d.actions.flatMap((a) => (a.owner.kind === 'staff' ? [a.owner.staffId] : []))));
    const people = [...names.staff.values()].filter(
      (person) =>
        person.active &&
        ((body && (isExpectedAttendee(body, person, team) || isSecretariatOf(body, person))) || authors.has(person.id) || named.has(person.id)),
    );
    return {
      proposals: [...proposals.values()].map((proposal) => ({ id: proposal.id, name: proposalName(proposal), state: proposal.state })),
      pts: [...names.teams.values()].sort((a, b) => a.sortOrder - b.sortOrder).map((pt) => ({ id: pt.id, name: teamName(pt) })),
      people: people.map((person) => ({ id: person.id, name: person.displayName })),
      units: [...names.units.values()].map((unit) => ({ id: unit.id, name: unit.name })),
    };
  };

  /** The minutes as this viewer may read them, with what they may do; 404 (localised) when they may read none. */
  const minutesView = async (viewer: Viewer, meetingId: string): Promise<MinutesDto> => {
    const minutes = await minutesFor(deps.ctx, viewer.staff, meetingId);
    const meeting = await repos.meetings.get(meetingId);
    const body = meeting ? await repos.bodies.get(meeting.bodyId) : undefined;
    if (!minutes || !meeting || !body) throw new DomainError('minutes.notFound');
    const saved = (await repos.minutes.get(meetingId)) !== undefined;
    const staff: Staff | undefined = viewer.staff;
    const draft = minutes.status === 'draft';
    const mayEdit = draft && staff !== undefined && isSecretariatOf(body, staff);
    let mayConfirm = false;
    if (draft && saved && staff?.postId) {
      const presiding = await presidingOfficer(repos, meeting, body, minutes);
      mayConfirm = presiding.basis !== 'none' && presiding.postId === staff.postId;
    }
    const names = await namesFor([minutes]);
    return presentMinutes({
      minutes,
      meeting,
      saved,
      names,
      mayEdit,
      mayConfirm,
      choices: mayEdit ? await choicesFor(meeting, minutes, names) : undefined,
    });
  };

  const today = () => jstDateOf(deps.ctx.clock.now());

  server.get(
    '/api/v1/meetings/:id/minutes',
    authedRoute(deps, async ({ viewer, params }) => ({ json: await minutesView(viewer, pathId(params, 'id')) })),
  );

  server.put(
    '/api/v1/meetings/:id/minutes',
    authedRoute(deps, async ({ viewer, params, req }) => {
      const recorder = requireStaff(viewer);
      const meetingId = pathId(params, 'id');
      const content = minutesInput.parse(await readJsonBody(req, MINUTES_MAX_BODY_BYTES));
      await saveMinutes(deps.ctx, recorder, meetingId, content);
      return { json: await minutesView(viewer, meetingId) };
    }),
  );

  server.post(
    '/api/v1/meetings/:id/minutes/confirm',
    authedRoute(deps, async ({ viewer, params }) => {
      const meetingId = pathId(params, 'id');
      await confirmMinutes(deps.ctx, requireStaff(viewer), meetingId);
      return { json: await minutesView(viewer, meetingId) };
    }),
  );

  server.get(
    '/api/v1/action-items/mine',
    authedRoute(deps, async ({ viewer }) => ({
      json: viewer.staff ? await presentActionItems(repos, await myOpenActionItems(deps.ctx, viewer.staff), today()) : [],
    })),
  );

  server.post(
    '/api/v1/action-items/:id/done',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const { note } = doneInput.parse(await body());
      const done = await completeAction(deps.ctx, requireStaff(viewer), pathId(params, 'id'), note);
      const [json] = await presentActionItems(repos, [done], today());
      return { json };
    }),
  );
}
