import type { Activity } from 'botbuilder';

/** The Entra tenant an activity comes from: Teams puts it in `channelData.tenant.id` and `conversation.tenantId`. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData) return fromChannelData;
  return activity.conversation?.tenantId || undefined;
}

/**
 * An empty list accepts every tenant; otherwise an activity without a tenant is refused too.
 * Tenant ids are GUIDs, which Entra treats case-insensitively.
 */
export function isTenantAllowed(tenantId: string | undefined, allowedTenantIds: readonly string[]): boolean {
  if (allowedTenantIds.length === 0) return true;
  const wanted = tenantId?.toLowerCase();
  return wanted !== undefined && allowedTenantIds.some((allowed) => allowed.toLowerCase() === wanted);
}
