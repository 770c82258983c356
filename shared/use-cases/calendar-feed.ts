import { buildICalendar } from '../calendar/icalendar.js';
import { callDeadlineEvents, meetingEvent } from '../calendar/programme-events.js';
import { DomainError } from '../domain-error.js';
import { isExpectedAttendee } from '../meetings/attendance.js';
import type { Staff } from '../organisation/staff.js';
import type { CalendarFeed } from '../ports/calendar-feed-ports.js';
import type { UseCaseContext } from './context.js';

/**
 * Replaces the person's feed secret with a new one (given as its hash: the caller makes the
 * secret and shows it once). The old URL stops working at once.
 */
export async function rotateCalendarFeed(ctx: UseCaseContext, staff: Staff, secretHash: string): Promise<CalendarFeed> {
  return ctx.store.transaction(async (tx) => {
    const previous = await tx.calendarFeeds.get(staff.id);
    const feed: CalendarFeed = { staffId: staff.id, secretHash, createdAt: ctx.clock.now() };
    await tx.calendarFeeds.save(feed);
    // The audit names the act, never a hash of the secret.
    await tx.audit.record({
      entityType: 'calendarFeed',
      entityId: staff.id,
      action: previous ? 'rotate' : 'create',
      actorStaffId: staff.id,
      at: feed.createdAt,
    });
    return feed;
  });
}

/** The active member of staff a feed secret's hash belongs to, if any. */
export async function staffOfCalendarFeed(ctx: UseCaseContext, secretHash: string): Promise<Staff | undefined> {
  const repos = ctx.store.repositories;
  const feed = await repos.calendarFeeds.findBySecretHash(secretHash);
  const staff = feed ? await repos.staff.get(feed.staffId) : undefined;
  return staff?.active ? staff : undefined;
}

/**
 * The person's calendar: the meetings they are expected at (or run as secretariat) and every
 * published call's deadlines. With `bodyId`, one body's meetings instead.
 */
export async function calendarFeedText(
  ctx: UseCaseContext,
  staff: Staff,
  options: { bodyId?: string | undefined } = {},
): Promise<{ name: string; text: string }> {
  const repos = ctx.store.repositories;
  const [bodies, teams] = await Promise.all([repos.bodies.list(), repos.projectTeams.list()]);
  const bodyById = new Map(bodies.map((body) => [body.id, body]));
  const now = ctx.clock.now();
  if (options.bodyId !== undefined) {
    const body = bodyById.get(options.bodyId);
    if (!body) throw new DomainError('body.notFound');
    const meetings = (await repos.meetings.list({ bodyId: body.id })).filter((meeting) => meeting.status !== 'prepared');
    const name = `${body.name}（会議）`;
    return { name, text: buildICalendar({ name, now, events: meetings.map((meeting) => meetingEvent(meeting, body)) }) };
  }
  const teamByBody = new Map(teams.map((team) => [team.bodyId, team]));
  const meetings = (await repos.meetings.list()).filter((meeting) => {
    const body = bodyById.get(meeting.bodyId);
    // A convocation not yet issued is sent nowhere, calendars included.
    return body !== undefined && meeting.status !== 'prepared' && isExpectedAttendee(body, staff, teamByBody.get(body.id));
  });
  const calls = await repos.calls.list();
  const name = `行政経営移行: ${staff.displayName}`;
  const events = [...meetings.map((meeting) => meetingEvent(meeting, bodyById.get(meeting.bodyId))), ...calls.flatMap(callDeadlineEvents)];
  return { name, text: buildICalendar({ name, now, events }) };
}
