import type { Activity } from 'botbuilder';
import { rolesOf } from '../../shared/access/programme-roles.js';
import { NOTIFICATION_KINDS } from '../../shared/notifications/notification-kind.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { channelDataOf, conversationTargetOf } from './conversation-target-of.js';
import type { RecentlyConfirmed } from './recently-confirmed.js';

/**
 * Keeps the stored reference current, writing only when something a sender needs has changed.
 * `recent` skips even the read for a reference this process confirmed moments ago.
 */
export async function rememberConversation(
  ctx: UseCaseContext,
  activity: Partial<Activity>,
  staff: Staff | undefined,
  recent?: RecentlyConfirmed,
): Promise<void> {
  const repos = ctx.store.repositories;
  const target = conversationTargetOf(activity, ctx.clock.now(), staff?.id);
  const key = [target.conversationId, target.serviceUrl, target.botId, target.locale, target.staffId, target.name].join('|');
  if (recent?.has(key)) return;
  const current = await repos.conversations.get(target.conversationId);
  const same =
    current &&
    current.active &&
    current.serviceUrl === target.serviceUrl &&
    current.botId === target.botId &&
    current.locale === target.locale &&
    (current.staffId ?? undefined) === (target.staffId ?? current.staffId) &&
    (target.name === undefined || current.name === target.name);
  if (!same) await repos.conversations.upsert({ ...target, staffId: target.staffId ?? current?.staffId, name: target.name ?? current?.name });
  recent?.add(key);
}

async function deactivateTeam(ctx: UseCaseContext, teamId: string | undefined, reason: string): Promise<void> {
  if (!teamId) return;
  const repos = ctx.store.repositories;
  for (const target of await repos.conversations.listActive({ teamId })) {
    await repos.conversations.deactivate(target.conversationId, reason, ctx.clock.now());
  }
}

/** The bot was added (app installed, or the bot added to a team or chat). */
async function installed(ctx: UseCaseContext, activity: Partial<Activity>, installer: Staff | undefined): Promise<void> {
  await rememberConversation(ctx, activity, installer);
  const target = conversationTargetOf(activity, ctx.clock.now(), installer?.id);
  // The programme secretariat installing the app in its own channel wants every notice there;
  // any other channel receives nothing until someone subscribes.
  if (target.kind === 'channel' && installer && rolesOf(installer, await ctx.store.repositories.bodies.list()).secretariat) {
    const repos = ctx.store.repositories;
    if (!(await repos.subscriptions.get(target.conversationId))) {
      await repos.subscriptions.save({
        conversationId: target.conversationId,
        kinds: [...NOTIFICATION_KINDS],
        updatedAt: ctx.clock.now(),
        updatedByStaffId: installer.id,
      });
    }
  }
}

export async function onInstallationUpdate(ctx: UseCaseContext, activity: Partial<Activity>, installer: Staff | undefined): Promise<void> {
  const action = String(activity.action ?? '');
  if (action.startsWith('add')) return installed(ctx, activity, installer);
  if (action.startsWith('remove')) {
    const target = conversationTargetOf(activity, ctx.clock.now());
    if (target.kind === 'channel') return deactivateTeam(ctx, target.teamId, 'uninstalled');
    await ctx.store.repositories.conversations.deactivate(target.conversationId, 'uninstalled', ctx.clock.now());
  }
}

/**
 * conversationUpdate: the bot joining or leaving, and team/channel lifecycle events. Channel
 * events arrive on the team's General conversation and name the channel in channelData.
 */
export async function onConversationUpdate(ctx: UseCaseContext, activity: Partial<Activity>, actor: Staff | undefined): Promise<void> {
  const repos = ctx.store.repositories;
  const botId = activity.recipient?.id;
  const now = ctx.clock.now();
  const channelData = channelDataOf(activity);
  if (activity.membersAdded?.some((member) => member.id === botId)) await installed(ctx, activity, actor);
  if (activity.membersRemoved?.some((member) => member.id === botId)) {
    const target = conversationTargetOf(activity, now);
    if (target.kind === 'channel') await deactivateTeam(ctx, target.teamId, 'botRemoved');
    else await repos.conversations.deactivate(target.conversationId, 'botRemoved', now);
  }
  const channel = channelData.channel;
  const teamTarget = conversationTargetOf(activity, now);
  switch (channelData.eventType) {
    case 'teamDeleted':
    case 'teamHardDeleted':
    case 'teamArchived':
      await deactivateTeam(ctx, channelData.team?.id, channelData.eventType);
      break;
    case 'teamRestored':
    case 'teamUnarchived':
    case 'teamRenamed':
      // The event arrives on the General channel, which is active again; other channels come back
      // the next time the bot hears from them.
      await repos.conversations.upsert(teamTarget);
      break;
    case 'channelCreated':
    case 'channelRenamed':
    case 'channelRestored':
      if (channel?.id) {
        const existing = await repos.conversations.get(channel.id);
        await repos.conversations.upsert({
          ...teamTarget,
          ...(existing ? { staffId: existing.staffId } : {}),
          conversationId: channel.id,
          channelId: channel.id,
          name: channel.name,
          active: true,
          deactivatedReason: undefined,
        });
      }
      break;
    case 'channelDeleted':
      if (channel?.id) await repos.conversations.deactivate(channel.id, 'channelDeleted', now);
      break;
    default:
      break;
  }
}
