import type { Activity } from 'botbuilder';
import type { ConversationScope } from '../../shared/commands/command-catalog.js';
import { toLocale } from '../../shared/i18n/locale.js';
import type { ConversationKind, ConversationTarget } from '../../shared/notifications/conversation-target.js';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string; name?: string };
  eventType?: string;
}

export function channelDataOf(activity: Partial<Activity>): TeamsChannelData {
  return (activity.channelData ?? {}) as TeamsChannelData;
}

export function conversationKindOf(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || activity.conversation?.isGroup) return 'groupChat';
  return 'personal';
}

/** The command scope (as the manifest names it) for a conversation kind. */
export function scopeOf(kind: ConversationKind): ConversationScope {
  return kind === 'channel' ? 'team' : kind;
}

export function tenantIdOf(activity: Partial<Activity>): string {
  return channelDataOf(activity).tenant?.id ?? activity.conversation?.tenantId ?? '';
}

/**
 * What is kept to post into this conversation later: only addresses and ids, never message
 * content. A channel message's conversation id carries `;messageid=…` for the thread; the
 * reference keeps the channel itself so notices start new posts.
 */
export function conversationTargetOf(activity: Partial<Activity>, at: Date, staffId?: string): ConversationTarget {
  const channelData = channelDataOf(activity);
  const kind = conversationKindOf(activity);
  const conversationId = (activity.conversation?.id ?? '').split(';messageid=')[0]!;
  return {
    conversationId,
    kind,
    serviceUrl: activity.serviceUrl ?? '',
    tenantId: tenantIdOf(activity),
    botId: activity.recipient?.id ?? '',
    teamId: channelData.team?.id,
    channelId: kind === 'channel' ? (channelData.channel?.id ?? conversationId) : undefined,
    name: kind === 'channel' ? (channelData.channel?.name ?? channelData.team?.name) : activity.conversation?.name,
    staffId: kind === 'personal' ? staffId : undefined,
    locale: toLocale(activity.locale),
    active: true,
    updatedAt: at,
  };
}
