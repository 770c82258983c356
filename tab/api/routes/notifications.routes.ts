import type { Server } from 'restify';
import { z } from 'zod';
import { DomainError } from '../../../shared/domain-error.js';
import type { Locale } from '../../../shared/i18n/locale.js';
import type { ConversationTarget } from '../../../shared/notifications/conversation-target.js';
import type { OutboxEntry } from '../../../shared/notifications/outbox-entry.js';
import { markedAsTest } from '../../../shared/notifications/test-send-marker.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import type { RenderedNotification } from '../../../shared/ports/notification-ports.js';
import { formatIsoJst } from '../../../shared/time/jst.js';
import type { NotificationPreviewDto, NotificationsOverviewDto, PlannedNotificationsDto, TestSendDto } from '../../web/models/api-contract.js';
import type { Viewer } from '../auth/viewer.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { HttpProblem } from '../http/error-response.js';
import { pathId, requireStaff } from '../http/input.js';

/**
 * The conversations the bot is in and what each receives (set with 通知登録 in that conversation),
 * with the outbox's delivery counts: for the secretariat and admins, who answer "why did our channel
 * not get the reminder?". Group and channel subscriptions only; personal chats are people's own.
 */
export function mountNotificationRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    '/api/v1/admin/notifications',
    authedRoute(deps, async ({ viewer }) => {
      requireNotificationReader(viewer);
      const repos = deps.ctx.store.repositories;
      const conversations = (await repos.conversations.listActive()).filter((target) => target.kind !== 'personal');
      const json: NotificationsOverviewDto = {
        conversations: await Promise.all(
          conversations.map(async (target) => {
            const subscription = await repos.subscriptions.get(target.conversationId);
            return {
              conversationId: target.conversationId,
              kind: target.kind,
              name: target.name,
              kinds: subscription?.kinds ?? [],
              bodyId: subscription?.bodyId,
              callId: subscription?.callId,
            };
          }),
        ),
        outbox: await repos.outbox.countByState(),
      };
      return { json };
    }),
  );
  mountPlannedNotificationRoutes(server, deps);
}

const PLANNED_LIMIT = 100;
const testSendInput = z.strictObject({ conversationId: z.string().min(1).max(500) });

/** Said in the caller's language around the renderer's own reason (which is for operators' logs too). */
const WOULD_SKIP: Readonly<Record<Locale, (reason: string) => string>> = {
  ja: (reason) => `今送信すると、この通知は送信されません（理由: ${reason}）。`,
  en: (reason) => `Sent now, this notification would be skipped: ${reason}.`,
};

/** The notifications overview's readers: the programme secretariat and administrators. */
function requireNotificationReader(viewer: Viewer): Staff {
  const staff = requireStaff(viewer);
  if (!viewer.roles.secretariat && !viewer.roles.admin) throw new DomainError('auth.forbidden');
  return staff;
}

async function pendingRow(deps: ApiDeps, id: string): Promise<OutboxEntry> {
  const entry = await deps.ctx.store.repositories.outbox.get(id);
  if (!entry) throw new DomainError('notification.notFound');
  return entry;
}

/** Asked only after the row is known, so a missing row is a 404 wherever the bot is wired or not. */
function tool<T>(value: T | undefined): T {
  if (!value) throw new HttpProblem(503, 'notifications.unavailable');
  return value;
}

/** As the dispatcher would render the row now, for `target`, including the checks it makes first. */
async function renderNow(deps: ApiDeps, entry: OutboxEntry, target: ConversationTarget | undefined): Promise<RenderedNotification> {
  const renderer = tool(deps.notifications?.renderer);
  const now = deps.ctx.clock.now();
  if (!target?.active) return { kind: 'skip', reason: 'conversation inactive' };
  if (entry.expiresAt <= now) return { kind: 'skip', reason: 'expired' };
  return renderer.render(entry, target, now);
}

/**
 * The planned notifications (pending outbox rows): each one's card as it would be posted now, and a
 * test send of it to one conversation, so the secretariat can see what a channel will get before it
 * does. A test never touches the row: the real notification still goes out on time, once.
 */
function mountPlannedNotificationRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    '/api/v1/admin/notifications/planned',
    authedRoute(deps, async ({ viewer }) => {
      const staff = requireNotificationReader(viewer);
      const repos = deps.ctx.store.repositories;
      const [rows, active, own] = await Promise.all([
        repos.outbox.listPending(PLANNED_LIMIT),
        repos.conversations.listActive(),
        repos.conversations.findPersonalByStaff(staff.id),
      ]);
      const names = new Map(active.map((target) => [target.conversationId, target.name]));
      const unknown = [...new Set(rows.map((row) => row.conversationId).filter((id) => !names.has(id)))];
      for (const target of await Promise.all(unknown.map((id) => repos.conversations.get(id)))) if (target) names.set(target.conversationId, target.name);
      // Someone's personal chat is theirs: the picker offers shared conversations and the caller's own chat.
      const targets = active.filter((target) => target.kind !== 'personal' || target.conversationId === own?.conversationId);
      const json: PlannedNotificationsDto = {
        planned: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          dueAt: formatIsoJst(row.dueAt),
          conversationId: row.conversationId,
          conversationName: names.get(row.conversationId),
        })),
        targets: targets.map((target) => ({ conversationId: target.conversationId, kind: target.kind, name: target.name })),
      };
      return { json };
    }),
  );

  server.get(
    '/api/v1/admin/notifications/planned/:id/preview',
    authedRoute(deps, async ({ viewer, params, locale }) => {
      requireNotificationReader(viewer);
      const entry = await pendingRow(deps, pathId(params, 'id'));
      const rendered = await renderNow(deps, entry, await deps.ctx.store.repositories.conversations.get(entry.conversationId));
      const json: NotificationPreviewDto =
        rendered.kind === 'skip'
          ? { outcome: 'skip', reason: rendered.reason, message: WOULD_SKIP[locale](rendered.reason) }
          : { outcome: 'card', card: rendered.message.card ?? {}, text: rendered.message.text };
      return { json };
    }),
  );

  server.post(
    '/api/v1/admin/notifications/planned/:id/test-send',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const staff = requireNotificationReader(viewer);
      const { conversationId } = testSendInput.parse(await body());
      const repos = deps.ctx.store.repositories;
      const entry = await pendingRow(deps, pathId(params, 'id'));
      if (entry.state !== 'pending') throw new DomainError('notification.notPending', { state: entry.state });
      const target = await repos.conversations.get(conversationId);
      if (!target?.active) throw new DomainError('conversation.notFound');
      const sender = tool(deps.notifications?.sender);
      // Rendered for the chosen conversation, so the test reads in the language it will be read in.
      const rendered = await renderNow(deps, entry, target);
      if (rendered.kind === 'skip') throw new DomainError('notification.wouldSkip', { reason: rendered.reason });
      const outcome = await sender.send(target, markedAsTest(rendered.message, target.locale));
      if (!outcome.ok) {
        deps.logger.warn({ notificationId: entry.id, conversationId, status: outcome.status, code: outcome.code }, 'test send refused by the Bot Connector');
        throw new HttpProblem(502, 'notification.testSendFailed');
      }
      await repos.audit.record({
        entityType: 'notification',
        entityId: entry.id,
        action: 'testSend',
        actorStaffId: staff.id,
        at: deps.ctx.clock.now(),
        after: { conversationId, activityId: outcome.activityId },
      });
      const json: TestSendDto = { conversationId, activityId: outcome.activityId };
      return { json };
    }),
  );
}
