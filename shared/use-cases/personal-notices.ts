import { DomainError } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import type { OutboxEntry, PlannedNotification } from '../notifications/outbox-entry.js';
import { NOTICE_RETENTION_DAYS, type NoticeDelivery, type PersonalNotice, type PersonalNoticeSubject } from '../notifications/personal-notice.js';
import type { Repositories } from '../ports/store.js';
import type { UseCaseContext } from './context.js';

const DAY_MS = 86_400_000;
const retentionStart = (now: Date) => new Date(now.getTime() - NOTICE_RETENTION_DAYS * DAY_MS);

/** The outbox row that carries a notice to the person's chat with the bot. */
function deliveryRow(ctx: UseCaseContext, notice: PersonalNotice, conversationId: string, now: Date): PlannedNotification {
  return {
    id: ctx.newId(),
    occurrenceKey: `notice:${notice.id}`,
    seriesKey: `notice:${notice.id}`,
    conversationId,
    kind: 'personal',
    subjectId: notice.id,
    dueAt: now,
    expiresAt: new Date(notice.createdAt.getTime() + NOTICE_RETENTION_DAYS * DAY_MS),
    payload: { type: 'personalNotice', noticeId: notice.id },
  };
}

/**
 * Keeps a promise made to one person, in the transaction of the change that fulfils it: the
 * notice is stored (the tab's dashboard shows it), and when the person has a chat with the bot it
 * is queued there too. Someone without the bot gets it the moment they install it, within
 * {@link NOTICE_RETENTION_DAYS} days (see {@link deliverWaitingNotices}).
 */
export async function notifyPerson(ctx: UseCaseContext, tx: Repositories, staffId: string, subject: PersonalNoticeSubject): Promise<PersonalNotice> {
  const now = ctx.clock.now();
  const notice: PersonalNotice = { id: ctx.newId(), staffId, subject, createdAt: now };
  await tx.notices.insert(notice);
  const personal = await tx.conversations.findPersonalByStaff(staffId);
  if (personal) await tx.outbox.plan([deliveryRow(ctx, notice, personal.conversationId, now)]);
  return notice;
}

/**
 * Queues the unread notices of people who have installed the bot since they were made. Part of
 * the scheduler's reconcile pass; idempotent (one row per notice and conversation).
 */
export async function deliverWaitingNotices(ctx: UseCaseContext, tx: Repositories): Promise<PlannedNotification[]> {
  const now = ctx.clock.now();
  const rows: PlannedNotification[] = [];
  for (const notice of await tx.notices.listUnread(retentionStart(now), 1_000)) {
    const personal = await tx.conversations.findPersonalByStaff(notice.staffId);
    if (personal) rows.push(deliveryRow(ctx, notice, personal.conversationId, now));
  }
  return rows;
}

/** How a notice fared, read from its outbox rows: the best outcome of any attempt. */
export function deliveryOf(rows: readonly OutboxEntry[]): NoticeDelivery {
  if (rows.some((row) => row.state === 'sent')) return 'sent';
  if (rows.some((row) => row.state === 'pending' || row.state === 'sending')) return 'pending';
  if (rows.length > 0) return 'failed';
  return 'notInstalled';
}

export interface NoticeWithDelivery {
  readonly notice: PersonalNotice;
  readonly delivery: NoticeDelivery;
}

const withDelivery = (repos: Repositories, notices: readonly PersonalNotice[]): Promise<NoticeWithDelivery[]> =>
  Promise.all(
    notices.map(async (notice) => ({
      notice,
      delivery: deliveryOf(await repos.outbox.listFor(notice.id, ['pending', 'sending', 'sent', 'failed', 'skipped'])),
    })),
  );

/** A person's notices of the last {@link NOTICE_RETENTION_DAYS} days, newest first, with how each reached them. */
export async function listMyNotices(ctx: UseCaseContext, person: Staff, limit = 50): Promise<NoticeWithDelivery[]> {
  const repos = ctx.store.repositories;
  return withDelivery(repos, await repos.notices.listForStaff(person.id, retentionStart(ctx.clock.now()), limit));
}

/** The notices about one entity and how each reached its person (the secretariat's "was it delivered?"). */
export async function noticesAbout(repos: Repositories, subjectId: string): Promise<NoticeWithDelivery[]> {
  return withDelivery(repos, await repos.notices.listForSubject(subjectId));
}

/** The person has seen a notice in the tab. Only their own: anyone else's is "not found". */
export async function markNoticeRead(ctx: UseCaseContext, person: Staff, noticeId: string): Promise<void> {
  if (!(await ctx.store.repositories.notices.markRead(noticeId, person.id, ctx.clock.now()))) throw new DomainError('notice.notFound');
}
