import { isExpectedAttendee } from '../meetings/attendance.js';
import type { Meeting } from '../meetings/meeting.js';
import { isTrackOpen } from '../calls/proposal-call.js';
import { planDeadlineReminders } from '../notifications/deadline-reminders.js';
import { meetingFingerprint, planMeetingReminder } from '../notifications/meeting-reminders.js';
import type { NotificationKind } from '../notifications/notification-kind.js';
import type { NotificationPayload } from '../notifications/notification-payload.js';
import type { PlannedNotification } from '../notifications/outbox-entry.js';
import { planActionReminders, planDraftReminders, planProgressReportRequest, type PersonalOccurrence } from '../notifications/personal-reminders.js';
import { wants } from '../notifications/subscription.js';
import type { Repositories } from '../ports/store.js';
import type { UseCaseContext } from './context.js';
import { deliverWaitingNotices, notifyPerson } from './personal-notices.js';
import { isOwnedBy } from '../minutes/action-item.js';

/** Active conversations subscribed to `kind` about this body or call. */
async function subscribedConversations(tx: Repositories, kind: NotificationKind, about: { bodyId?: string; callId?: string }): Promise<string[]> {
  const subscriptions = (await tx.subscriptions.listForKind(kind)).filter((subscription) => wants(subscription, kind, about));
  const active = new Set((await tx.conversations.listActive()).map((target) => target.conversationId));
  return subscriptions.map((subscription) => subscription.conversationId).filter((id) => active.has(id));
}

/**
 * Plans what a meeting change must announce, in the transaction that makes the change:
 * - convened: the convocation notice now, and the reminder the business day before;
 * - rescheduled: pending reminders for the old time are skipped, a new reminder is planned, and
 *   every posted convocation card is updated in place with a short change notice beside it;
 * - cancelled: pending notices and reminders are skipped; posted cards are updated and a notice sent.
 * After either change, everyone who had answered gets a personal notice.
 */
export async function planMeetingNotifications(ctx: UseCaseContext, tx: Repositories, meeting: Meeting, previous: Meeting | undefined): Promise<number> {
  const now = ctx.clock.now();
  const rows: PlannedNotification[] = [];
  const row = (fields: Omit<PlannedNotification, 'id' | 'subjectId'>): PlannedNotification => ({ id: ctx.newId(), subjectId: meeting.id, ...fields });

  const changed = previous !== undefined && (meeting.status === 'cancelled' || meetingFingerprint(previous) !== meetingFingerprint(meeting));
  if (changed) {
    const fingerprint = meetingFingerprint(meeting);
    const pending = await tx.outbox.listFor(meeting.id, ['pending']);
    const stale = pending.filter((entry) => meeting.status === 'cancelled' || (entry.fingerprint !== undefined && entry.fingerprint !== fingerprint));
    await tx.outbox.markSkipped(
      stale.map((entry) => entry.id),
      meeting.status === 'cancelled' ? 'meeting cancelled' : 'meeting rescheduled',
    );
    const change = meeting.status === 'cancelled' ? 'cancelled' : 'rescheduled';
    // Everyone who answered the convocation is told personally: their answer was for the old time.
    for (const rsvp of await tx.meetings.listRsvps(meeting.id)) {
      await notifyPerson(ctx, tx, rsvp.staffId, { type: 'meetingChanged', meetingId: meeting.id, change, previousStartsAt: previous.startsAt });
    }
    const posted = (await tx.outbox.listFor(meeting.id, ['sent'])).filter((entry) => entry.payload.type === 'convocation' && entry.activityId);
    const stamp = now.toISOString();
    for (const convocation of posted) {
      const expiresAt = new Date(Math.max(meeting.startsAt.getTime(), now.getTime() + 7 * 86_400_000));
      rows.push(
        row({
          occurrenceKey: `meeting:${meeting.id}:update:${convocation.id}:${stamp}`,
          seriesKey: `meeting:${meeting.id}:update:${convocation.id}:${stamp}`,
          conversationId: convocation.conversationId,
          kind: 'convocations',
          dueAt: now,
          expiresAt,
          payload: { type: 'cardUpdate', meetingId: meeting.id, updatesOutboxId: convocation.id },
        }),
        row({
          occurrenceKey: `meeting:${meeting.id}:change:${stamp}`,
          seriesKey: `meeting:${meeting.id}:change:${stamp}`,
          conversationId: convocation.conversationId,
          kind: 'convocations',
          dueAt: now,
          expiresAt,
          payload: { type: 'meetingChange', meetingId: meeting.id, change, previousStartsAt: previous.startsAt.toISOString() },
        }),
      );
    }
  }

  if (meeting.status === 'convened') {
    if (previous === undefined || previous.status !== 'convened') {
      for (const conversationId of await subscribedConversations(tx, 'convocations', { bodyId: meeting.bodyId })) {
        rows.push(
          row({
            occurrenceKey: `meeting:${meeting.id}:convocation`,
            seriesKey: `meeting:${meeting.id}:convocation`,
            conversationId,
            kind: 'convocations',
            dueAt: now,
            expiresAt: meeting.startsAt,
            payload: { type: 'convocation', meetingId: meeting.id },
          }),
        );
      }
    }
    rows.push(...(await meetingReminderRows(ctx, tx, meeting)));
  }
  return tx.outbox.plan(rows);
}

/** The business-day-before reminder, to each conversation that wants reminders of this body. */
async function meetingReminderRows(ctx: UseCaseContext, tx: Repositories, meeting: Meeting): Promise<PlannedNotification[]> {
  const reminder = planMeetingReminder(meeting);
  if (!reminder || reminder.dueAt <= ctx.clock.now()) return [];
  return (await subscribedConversations(tx, 'meetingReminders', { bodyId: meeting.bodyId })).map((conversationId) => ({
    id: ctx.newId(),
    occurrenceKey: reminder.key,
    seriesKey: reminder.seriesKey,
    conversationId,
    kind: 'meetingReminders',
    subjectId: meeting.id,
    fingerprint: reminder.fingerprint,
    dueAt: reminder.dueAt,
    expiresAt: reminder.expiresAt,
    payload: { type: 'meetingReminder', meetingId: meeting.id },
  }));
}

/**
 * Plans everything that follows from the current state rather than from one change: deadline
 * reminders of published calls for subscribed conversations (also those subscribed since), meeting
 * reminders for newly subscribed conversations, and personal reminders (unanswered convocations,
 * unsubmitted drafts, progress-report requests, action items due soon). Only future occurrences are planned, so a new
 * subscriber is not sent what was due before it subscribed. Idempotent: run it as often as wanted.
 */
export async function reconcileNotifications(ctx: UseCaseContext): Promise<number> {
  return ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const rows: PlannedNotification[] = [];
    const future = <T extends { dueAt: Date; expiresAt: Date }>(occurrence: T) => occurrence.dueAt >= now && occurrence.expiresAt > now;

    for (const call of await tx.calls.list()) {
      for (const occurrence of planDeadlineReminders(call).filter(future)) {
        for (const conversationId of await subscribedConversations(tx, 'proposalDeadlines', { callId: call.id })) {
          rows.push({
            id: ctx.newId(),
            occurrenceKey: occurrence.key,
            seriesKey: occurrence.seriesKey,
            conversationId,
            kind: 'proposalDeadlines',
            subjectId: `${call.id}:${occurrence.track}`,
            dueAt: occurrence.dueAt,
            expiresAt: occurrence.expiresAt,
            payload:
              occurrence.kind === 'closed'
                ? { type: 'deadlineClosed', callId: call.id, track: occurrence.track }
                : { type: 'deadlineReminder', callId: call.id, track: occurrence.track },
          });
        }
      }
    }

    const meetings = (await tx.meetings.listUpcoming(now)).filter((meeting) => meeting.status === 'convened');
    const bodies = new Map((await tx.bodies.list()).map((body) => [body.id, body]));
    const teams = await tx.projectTeams.list();
    const staff = (await tx.staff.list()).filter((person) => person.active);
    const personalOf = async (staffId: string) => (await tx.conversations.findPersonalByStaff(staffId))?.conversationId;
    /** A reminder in someone's personal chat, rendered from the current state when it is due. */
    const personalRow = (occurrence: PersonalOccurrence, conversationId: string, subjectId: string, payload: NotificationPayload): PlannedNotification => ({
      id: ctx.newId(),
      occurrenceKey: occurrence.key,
      seriesKey: occurrence.seriesKey,
      conversationId,
      kind: 'personal',
      subjectId,
      dueAt: occurrence.dueAt,
      expiresAt: occurrence.expiresAt,
      payload,
    });

    for (const meeting of meetings) {
      rows.push(...(await meetingReminderRows(ctx, tx, meeting)));
      const body = bodies.get(meeting.bodyId);
      if (!body) continue;
      const reminder = planMeetingReminder(meeting);
      const team = body.kind === 'pt' ? teams.find((pt) => pt.bodyId === body.id) : undefined;
      if (reminder && future(reminder)) {
        for (const person of staff.filter((candidate) => isExpectedAttendee(body, candidate, team))) {
          const conversationId = await personalOf(person.id);
          if (!conversationId) continue;
          rows.push({
            id: ctx.newId(),
            occurrenceKey: `rsvp:${meeting.id}:${person.id}:${meeting.startsAt.toISOString()}`,
            seriesKey: `rsvp:${meeting.id}:${person.id}`,
            conversationId,
            kind: 'personal',
            subjectId: meeting.id,
            fingerprint: reminder.fingerprint,
            dueAt: reminder.dueAt,
            expiresAt: reminder.expiresAt,
            payload: { type: 'rsvpNudge', meetingId: meeting.id, staffId: person.id },
          });
        }
      }
      if (body.kind !== 'hq') continue;
      for (const item of meeting.agenda.filter((agendaItem) => agendaItem.kind === 'ptProgress' && agendaItem.ptId)) {
        const pt = teams.find((candidate) => candidate.id === item.ptId);
        if (!pt) continue;
        const request = planProgressReportRequest(meeting, pt.id, now);
        // A PT's channel (or any conversation) subscribed to progress-report requests hears it too.
        for (const conversationId of await subscribedConversations(tx, 'progressReportRequests', { bodyId: pt.bodyId })) {
          rows.push({
            id: ctx.newId(),
            occurrenceKey: request.key,
            seriesKey: request.seriesKey,
            conversationId,
            kind: 'progressReportRequests',
            subjectId: meeting.id,
            fingerprint: meetingFingerprint(meeting),
            dueAt: request.dueAt,
            expiresAt: request.expiresAt,
            payload: { type: 'progressReportRequest', meetingId: meeting.id, ptId: pt.id },
          });
        }
        for (const person of staff.filter((candidate) => candidate.unitId !== undefined && pt.secretariatUnitIds.includes(candidate.unitId))) {
          const conversationId = await personalOf(person.id);
          if (!conversationId) continue;
          rows.push({
            id: ctx.newId(),
            occurrenceKey: request.key,
            seriesKey: request.seriesKey,
            conversationId,
            kind: 'personal',
            subjectId: meeting.id,
            fingerprint: meetingFingerprint(meeting),
            dueAt: request.dueAt,
            expiresAt: request.expiresAt,
            payload: { type: 'progressReportRequest', meetingId: meeting.id, ptId: pt.id },
          });
        }
      }
    }

    for (const call of await tx.calls.list()) {
      const drafts = await tx.proposals.list({ callId: call.id, states: ['draft'] });
      for (const draft of drafts) {
        const track = call.tracks.find((candidate) => candidate.kind === draft.track);
        if (!track || !isTrackOpen(call, track.kind, now)) continue;
        const conversationId = await personalOf(draft.authorStaffId);
        if (!conversationId) continue;
        for (const occurrence of planDraftReminders(draft.id, track).filter(future)) {
          rows.push(personalRow(occurrence, conversationId, draft.id, { type: 'draftReminder', proposalId: draft.id }));
        }
      }
    }
    for (const item of await tx.actionItems.list({ status: 'open' })) {
      const occurrences = planActionReminders(item).filter(future);
      if (occurrences.length === 0) continue;
      for (const person of staff.filter((candidate) => isOwnedBy(item, candidate))) {
        const conversationId = await personalOf(person.id);
        if (!conversationId) continue;
        for (const occurrence of occurrences) {
          rows.push(personalRow(occurrence, conversationId, item.id, { type: 'actionItemReminder', actionItemId: item.id }));
        }
      }
    }
    rows.push(...(await deliverWaitingNotices(ctx, tx)));
    return tx.outbox.plan(rows);
  });
}
