import { conveneAuthority } from '../bodies/convene-permission.js';
import type { Body } from '../bodies/body.js';
import { DomainError } from '../domain-error.js';
import { isExpectedAttendee } from '../meetings/attendance.js';
import { validateMeetingDetails, type MeetingDetailsInput } from '../meetings/meeting-input.js';
import { cancel, convene, reschedule, type Meeting } from '../meetings/meeting.js';
import { makeRsvp, type Rsvp, type RsvpResponse } from '../meetings/rsvp.js';
import type { Staff } from '../organisation/staff.js';
import type { Repositories } from '../ports/store.js';
import { fiscalYearOf } from '../time/index.js';
import type { UseCaseContext } from './context.js';
import { planMeetingNotifications } from './notification-planning.js';

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

function assertMayConvene(body: Body, staff: Staff): void {
  if (conveneAuthority(body, staff) || staff.appRoles.includes('admin')) return;
  const rule = body.kind === 'hq' ? 'Hq' : body.kind === 'council' ? 'Council' : 'Team';
  throw new DomainError(`meeting.notAllowedToConvene${rule}`, { body: body.shortName });
}

/**
 * Creates and convenes a meeting in one step (the chair's or secretariat's act of calling it).
 * The convocation notices and reminders are planned in the same transaction (the outbox).
 * `meetingId` comes from the form, so a double submit (the same body, by the same person) returns
 * the first meeting; the id of any other meeting is refused as taken.
 */
export async function conveneMeeting(
  ctx: UseCaseContext,
  actor: Staff,
  input: MeetingDetailsInput & { meetingId: string; bodyId: string },
): Promise<Meeting> {
  return ctx.store.transaction(async (tx) => {
    const existing = await tx.meetings.get(input.meetingId);
    if (existing) {
      if (existing.bodyId === input.bodyId && existing.convenedByStaffId === actor.id) return existing;
      throw new DomainError('meeting.idInUse', {}, 'meetingId');
    }
    const body = await requireBody(tx, input.bodyId);
    assertMayConvene(body, actor);
    const details = validateMeetingDetails(input);
    const now = ctx.clock.now();
    const fiscalYear = fiscalYearOf(details.startsAt);
    const planned: Meeting = {
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
    const convened = convene(planned, actor.id, now);
    await tx.meetings.insert(convened);
    await tx.audit.record({ entityType: 'meeting', entityId: convened.id, action: 'convene', actorStaffId: actor.id, at: now, after: convened });
    await planMeetingNotifications(ctx, tx, convened, undefined);
    return convened;
  });
}

/** Moves a meeting; the old time stays in its history. */
export async function rescheduleMeeting(
  ctx: UseCaseContext,
  actor: Staff,
  change: { meetingId: string; startsAt: Date; endsAt: Date; place?: string | undefined; reason?: string | undefined },
): Promise<Meeting> {
  return ctx.store.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, change.meetingId);
    assertMayConvene(await requireBody(tx, meeting.bodyId), actor);
    validateMeetingDetails({ startsAt: change.startsAt, endsAt: change.endsAt, place: change.place });
    const now = ctx.clock.now();
    const moved = reschedule(meeting, change, actor.id, now);
    await tx.meetings.update(moved);
    await tx.audit.record({ entityType: 'meeting', entityId: moved.id, action: 'reschedule', actorStaffId: actor.id, at: now, before: meeting, after: moved });
    await planMeetingNotifications(ctx, tx, moved, meeting);
    return moved;
  });
}

export async function cancelMeeting(ctx: UseCaseContext, actor: Staff, meetingId: string): Promise<Meeting> {
  return ctx.store.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, meetingId);
    assertMayConvene(await requireBody(tx, meeting.bodyId), actor);
    if (meeting.status === 'cancelled') return meeting;
    const now = ctx.clock.now();
    const cancelled = cancel(meeting);
    await tx.meetings.update(cancelled);
    await tx.audit.record({ entityType: 'meeting', entityId: meetingId, action: 'cancel', actorStaffId: actor.id, at: now, before: meeting, after: cancelled });
    await planMeetingNotifications(ctx, tx, cancelled, meeting);
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
    if (meeting.status === 'cancelled' || meeting.status === 'held') {
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
