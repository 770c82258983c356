import { conveneAuthority, convenerPostId, isSecretariatOf, mayPrepareConvocation, type ConveneSituation } from '../bodies/convene-permission.js';
import type { Body } from '../bodies/body.js';
import { DomainError } from '../domain-error.js';
import { isExpectedAttendee } from '../meetings/attendance.js';
import { validateMeetingDetails, type MeetingDetailsInput } from '../meetings/meeting-input.js';
import { cancel, convene, issue, prepare, reschedule, type Guest, type Meeting } from '../meetings/meeting.js';
import { makeRsvp, type Rsvp, type RsvpResponse } from '../meetings/rsvp.js';
import type { Staff } from '../organisation/staff.js';
import type { Repositories } from '../ports/store.js';
import { fiscalYearOf } from '../time/index.js';
import type { UseCaseContext } from './context.js';
import { planMeetingNotifications } from './notification-planning.js';
import { notifyPerson } from './personal-notices.js';

async function requireBody(tx: Repositories, bodyId: string): Promise<Body> {
  const body = await tx.bodies.get(bodyId);
  if (!body) throw new DomainError('body.notFound');
  return body;
}

async function requireMeeting(tx: Repositories, meetingId: string): Promise<Meeting> {
  const meeting = await tx.meetings.get(meetingId);
  if (!meeting) throw new DomainError('meeting.notFound');
  return meeting;
}

/** The recorded absences and the instant of the act: who acts for the chair depends on both. */
export async function situationNow(ctx: UseCaseContext, tx: Repositories): Promise<ConveneSituation> {
  return { absences: await tx.postAbsences.list(), at: ctx.clock.now() };
}

function refuseConvening(body: Body): never {
  const rule = body.kind === 'hq' ? 'Hq' : body.kind === 'council' ? 'Council' : 'Team';
  throw new DomainError(`meeting.notAllowedToConvene${rule}`, { body: body.shortName });
}

function assertMayConvene(body: Body, staff: Staff, situation: ConveneSituation): void {
  if (!conveneAuthority(body, staff, situation)) refuseConvening(body);
}

/** A prepared draft may be edited or withdrawn by its body's secretariat or by whoever may issue it. */
function assertMayManage(body: Body, meeting: Meeting, staff: Staff, situation: ConveneSituation): void {
  if (meeting.status === 'prepared' && isSecretariatOf(body, staff)) return;
  assertMayConvene(body, staff, situation);
}

type ConvocationInput = MeetingDetailsInput & { meetingId: string; bodyId: string };

async function newMeeting(tx: Repositories, body: Body, input: ConvocationInput): Promise<Meeting> {
  const details = validateMeetingDetails(input);
  const fiscalYear = fiscalYearOf(details.startsAt);
  return {
    id: input.meetingId,
    bodyId: body.id,
    ordinal: await tx.meetings.nextOrdinal(body.id, fiscalYear),
    fiscalYear,
    ...details,
    place: details.place || undefined,
    onlineUrl: details.onlineUrl || undefined,
    status: 'planned',
    history: [],
    demo: false,
  };
}

/** A double submit (the same body, by the same person) returns the first meeting; another's id is taken. */
async function existingSubmission(tx: Repositories, actor: Staff, input: ConvocationInput): Promise<Meeting | undefined> {
  const existing = await tx.meetings.get(input.meetingId);
  if (!existing) return undefined;
  if (existing.bodyId === input.bodyId && (existing.convenedByStaffId === actor.id || existing.preparedByStaffId === actor.id)) return existing;
  throw new DomainError('meeting.idInUse', {}, 'meetingId');
}

/**
 * Creates and convenes a meeting in one step: the chair's act of calling it (要綱 art. 4, 5(3)),
 * the acting chair's while the 本部長 is absent (art. 3(3)(4)), or a PT secretariat's. The
 * convocation notices and reminders are planned in the same transaction (the outbox).
 * `meetingId` comes from the form, so a double submit returns the first meeting.
 */
export async function conveneMeeting(ctx: UseCaseContext, actor: Staff, input: ConvocationInput): Promise<Meeting> {
  return ctx.store.transaction(async (tx) => {
    const existing = await existingSubmission(tx, actor, input);
    if (existing) return existing;
    const body = await requireBody(tx, input.bodyId);
    assertMayConvene(body, actor, await situationNow(ctx, tx));
    const now = ctx.clock.now();
    const convened = convene(await newMeeting(tx, body, input), actor.id, now);
    await tx.meetings.insert(convened);
    await tx.audit.record({ entityType: 'meeting', entityId: convened.id, action: 'convene', actorStaffId: actor.id, at: now, after: convened });
    await planMeetingNotifications(ctx, tx, convened, undefined);
    return convened;
  });
}

/**
 * The secretariat (庶務, art. 7) drafts a convocation of HQ or the council: date, place, agenda and
 * the guests it proposes. Nothing goes to members; only the person who may issue it (the chair, or
 * the acting chair) is told in their personal chat, with a card to issue it.
 */
export async function prepareConvocation(ctx: UseCaseContext, actor: Staff, input: ConvocationInput): Promise<Meeting> {
  return ctx.store.transaction(async (tx) => {
    const existing = await existingSubmission(tx, actor, input);
    if (existing) return existing;
    const body = await requireBody(tx, input.bodyId);
    if (!mayPrepareConvocation(body, actor)) throw new DomainError('meeting.notAllowedToPrepare', { body: body.shortName });
    const now = ctx.clock.now();
    const prepared = prepare(await newMeeting(tx, body, input), actor.id, now);
    await tx.meetings.insert(prepared);
    await tx.audit.record({ entityType: 'meeting', entityId: prepared.id, action: 'prepare', actorStaffId: actor.id, at: now, after: prepared });
    for (const issuerId of await issuersOf(tx, body, await situationNow(ctx, tx))) {
      await notifyPerson(ctx, tx, issuerId, { type: 'convocationToIssue', meetingId: prepared.id });
    }
    return prepared;
  });
}

/** The active staff who may issue the body's convocations now (usually one: the chair or acting chair). */
export async function issuersOf(tx: Repositories, body: Body, situation: ConveneSituation): Promise<string[]> {
  const convener = convenerPostId(body, situation);
  if (!convener) return [];
  return (await tx.staff.list()).filter((person) => person.active && conveneAuthority(body, person, situation)).map((person) => person.id);
}

/**
 * The chair (or acting chair) issues a prepared convocation with the guests they confirm: only
 * they decide who outside the membership is asked to attend (art. 4(2), 5(4)). From this moment
 * the convocation notices and reminders are planned, exactly as for a meeting convened directly.
 * Issuing an already issued meeting again (a double click) returns it unchanged.
 */
export async function issueConvocation(ctx: UseCaseContext, actor: Staff, input: { meetingId: string; guests: readonly Guest[] }): Promise<Meeting> {
  return ctx.store.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, input.meetingId);
    const body = await requireBody(tx, meeting.bodyId);
    assertMayConvene(body, actor, await situationNow(ctx, tx));
    if (meeting.status === 'convened' && meeting.convenedByStaffId === actor.id) return meeting;
    const guests = validateMeetingDetails({ startsAt: meeting.startsAt, endsAt: meeting.endsAt, guests: input.guests }).guests;
    const now = ctx.clock.now();
    const issued = issue(meeting, guests, actor.id, now);
    await tx.meetings.update(issued);
    await tx.audit.record({ entityType: 'meeting', entityId: issued.id, action: 'issue', actorStaffId: actor.id, at: now, before: meeting, after: issued });
    await planMeetingNotifications(ctx, tx, issued, undefined);
    return issued;
  });
}

/** Whether `staff` may issue, move or cancel meetings of `body` now (the faces show buttons by it). */
export async function mayConveneNow(ctx: UseCaseContext, body: Body, staff: Staff): Promise<boolean> {
  return conveneAuthority(body, staff, await situationNow(ctx, ctx.store.repositories)) !== undefined;
}

/** Moves a meeting; the old time stays in its history. A prepared draft moves silently. */
export async function rescheduleMeeting(
  ctx: UseCaseContext,
  actor: Staff,
  change: { meetingId: string; startsAt: Date; endsAt: Date; place?: string | undefined; reason?: string | undefined },
): Promise<Meeting> {
  return ctx.store.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, change.meetingId);
    assertMayManage(await requireBody(tx, meeting.bodyId), meeting, actor, await situationNow(ctx, tx));
    validateMeetingDetails({ startsAt: change.startsAt, endsAt: change.endsAt, place: change.place });
    const now = ctx.clock.now();
    const moved = reschedule(meeting, change, actor.id, now);
    await tx.meetings.update(moved);
    await tx.audit.record({ entityType: 'meeting', entityId: moved.id, action: 'reschedule', actorStaffId: actor.id, at: now, before: meeting, after: moved });
    if (meeting.status !== 'prepared') await planMeetingNotifications(ctx, tx, moved, meeting);
    return moved;
  });
}

export async function cancelMeeting(ctx: UseCaseContext, actor: Staff, meetingId: string): Promise<Meeting> {
  return ctx.store.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, meetingId);
    assertMayManage(await requireBody(tx, meeting.bodyId), meeting, actor, await situationNow(ctx, tx));
    if (meeting.status === 'cancelled') return meeting;
    const now = ctx.clock.now();
    const cancelled = cancel(meeting);
    await tx.meetings.update(cancelled);
    await tx.audit.record({ entityType: 'meeting', entityId: meetingId, action: 'cancel', actorStaffId: actor.id, at: now, before: meeting, after: cancelled });
    if (meeting.status !== 'prepared') await planMeetingNotifications(ctx, tx, cancelled, meeting);
    return cancelled;
  });
}

/** Records attendance, absence or a named proxy; answering again replaces the earlier answer. */
export async function answerRsvp(
  ctx: UseCaseContext,
  actor: Staff,
  input: { meetingId: string; response: RsvpResponse; proxyName?: string | undefined },
): Promise<Rsvp> {
  return ctx.store.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, input.meetingId);
    if (meeting.status === 'cancelled' || meeting.status === 'held' || meeting.status === 'prepared') {
      throw new DomainError('meeting.illegalTransition', { from: meeting.status, to: 'rsvp' });
    }
    const body = await requireBody(tx, meeting.bodyId);
    const team = body.kind === 'pt' ? (await tx.projectTeams.list()).find((pt) => pt.bodyId === body.id) : undefined;
    if (!isExpectedAttendee(body, actor, team)) throw new DomainError('meeting.notAttendee');
    const now = ctx.clock.now();
    const rsvp = makeRsvp({ meetingId: meeting.id, staffId: actor.id, response: input.response, proxyName: input.proxyName, answeredAt: now });
    await tx.meetings.upsertRsvp(rsvp);
    await tx.audit.record({ entityType: 'meeting', entityId: meeting.id, action: 'rsvp', actorStaffId: actor.id, at: now, after: rsvp });
    return rsvp;
  });
}
