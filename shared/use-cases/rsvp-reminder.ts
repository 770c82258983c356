import type { Body } from '../bodies/body.js';
import { mayFollowAttendance } from '../bodies/convene-permission.js';
import { DomainError } from '../domain-error.js';
import { expectedAttendees, unansweredAttendees } from '../meetings/attendance-tally.js';
import type { Meeting, RsvpReminderRecord } from '../meetings/meeting.js';
import { meetingFingerprint } from '../notifications/meeting-reminders.js';
import type { PlannedNotification } from '../notifications/outbox-entry.js';
import type { Staff } from '../organisation/staff.js';
import type { Repositories } from '../ports/store.js';
import type { UseCaseContext } from './context.js';

async function alreadySent(tx: Repositories, record: RsvpReminderRecord | undefined): Promise<DomainError> {
  if (!record) return new DomainError('meeting.rsvpReminderAlreadySentPlain');
  const sender = await tx.staff.get(record.sentByStaffId);
  return new DomainError('meeting.rsvpReminderAlreadySent', { at: record.sentAt.toISOString(), name: sender?.displayName ?? record.sentByStaffId });
}

async function teamOf(tx: Repositories, body: Body) {
  return body.kind === 'pt' ? (await tx.projectTeams.list()).find((pt) => pt.bodyId === body.id) : undefined;
}

/**
 * The convener's (or the secretariat's) reminder to every expected attendee who has not answered:
 * a personal nudge now, in their chat with the bot. Once per meeting, recorded on the meeting
 * (who, when, how many) and in the audit log; a second press is refused. Those without a personal
 * chat cannot be reached and are counted, so the convener knows whom to call. Nothing is recorded
 * when nobody could be reached, so it can be tried again once the bot is installed for them.
 */
export async function remindUnanswered(ctx: UseCaseContext, actor: Staff, meetingId: string): Promise<{ meeting: Meeting; reminder: RsvpReminderRecord }> {
  return ctx.store.transaction(async (tx) => {
    const meeting = await tx.meetings.get(meetingId);
    if (!meeting) throw new DomainError('meeting.notFound');
    const body = await tx.bodies.get(meeting.bodyId);
    if (!body) throw new DomainError('body.notFound');
    if (!mayFollowAttendance(body, actor, { absences: await tx.postAbsences.list(), at: ctx.clock.now() }))
      throw new DomainError('meeting.notAllowedToRemind', { body: body.shortName });
    if (meeting.rsvpReminder) throw await alreadySent(tx, meeting.rsvpReminder);
    if (meeting.status !== 'convened') throw new DomainError('meeting.illegalTransition', { from: meeting.status, to: 'reminder' });
    const now = ctx.clock.now();
    if (meeting.startsAt <= now) throw new DomainError('meeting.reminderTooLate');

    const expected = expectedAttendees(body, await tx.staff.list(), await teamOf(tx, body));
    const unanswered = unansweredAttendees(expected, await tx.meetings.listRsvps(meeting.id));
    if (unanswered.length === 0) throw new DomainError('meeting.nobodyUnanswered');
    const rows: PlannedNotification[] = [];
    for (const person of unanswered) {
      const conversation = await tx.conversations.findPersonalByStaff(person.id);
      if (!conversation) continue;
      const key = `rsvp:${meeting.id}:${person.id}:convenerReminder`;
      rows.push({
        id: ctx.newId(),
        occurrenceKey: key,
        seriesKey: key,
        conversationId: conversation.conversationId,
        kind: 'personal',
        subjectId: meeting.id,
        fingerprint: meetingFingerprint(meeting),
        dueAt: now,
        expiresAt: meeting.startsAt,
        payload: { type: 'rsvpNudge', meetingId: meeting.id, staffId: person.id },
      });
    }
    if (rows.length === 0) throw new DomainError('meeting.nobodyReachable', { count: unanswered.length });
    // The claim is the guard against two presses at once: the second transaction finds the key taken.
    if (!(await tx.idempotency.claim(`meeting:${meeting.id}:rsvpReminder`, now)))
      throw await alreadySent(tx, (await tx.meetings.get(meeting.id))?.rsvpReminder);

    const reminder: RsvpReminderRecord = { sentAt: now, sentByStaffId: actor.id, recipients: rows.length, unreachable: unanswered.length - rows.length };
    const updated: Meeting = { ...meeting, rsvpReminder: reminder };
    await tx.meetings.update(updated);
    await tx.outbox.plan(rows);
    await tx.audit.record({ entityType: 'meeting', entityId: meeting.id, action: 'rsvpReminder', actorStaffId: actor.id, at: now, after: reminder });
    return { meeting: updated, reminder };
  });
}
