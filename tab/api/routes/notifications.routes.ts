import type { Server } from 'restify';
import { DomainError } from '../../../shared/domain-error.js';
import type { NotificationsOverviewDto } from '../../web/models/api-contract.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { requireStaff } from '../http/input.js';

/**
 * The conversations the bot is in and what each receives (set with 通知登録 in that conversation),
 * with the outbox's delivery counts: for the secretariat and admins, who answer "why did our channel
 * not get the reminder?". Group and channel subscriptions only; personal chats are people's own.
 */
export function mountNotificationRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    '/api/v1/admin/notifications',
    authedRoute(deps, async ({ viewer }) => {
      requireStaff(viewer);
      if (!viewer.roles.secretariat && !viewer.roles.admin) throw new DomainError('auth.forbidden');
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
}
