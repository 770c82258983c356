import type { NotificationKind } from './notification-kind.js';

/**
 * What a conversation receives. A channel receives nothing until someone subscribes; the
 * secretariat's own channel is subscribed to everything when the bot is installed there.
 * `bodyId` / `callId` narrow the subscription to one body or one call.
 */
export interface Subscription {
  readonly conversationId: string;
  readonly kinds: readonly NotificationKind[];
  readonly bodyId?: string | undefined;
  readonly callId?: string | undefined;
  readonly updatedAt: Date;
  readonly updatedByStaffId?: string | undefined;
}

/** Whether a subscription wants a notification of this kind about this body or call. */
export function wants(subscription: Subscription, kind: NotificationKind, about: { bodyId?: string; callId?: string }): boolean {
  if (!subscription.kinds.includes(kind)) return false;
  if (subscription.bodyId && about.bodyId && subscription.bodyId !== about.bodyId) return false;
  if (subscription.callId && about.callId && subscription.callId !== about.callId) return false;
  return true;
}
