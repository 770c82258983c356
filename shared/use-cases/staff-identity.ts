import type { Staff } from '../organisation/staff.js';
import type { UseCaseContext } from './context.js';

/**
 * Finds the directory entry for a Teams or Entra user. The first time someone appears, their
 * Entra object id is linked to the entry with the same UPN (or e-mail), so later look-ups need
 * only the object id. Unknown people get `undefined`: they may read but not submit.
 */
export async function identifyStaff(
  ctx: UseCaseContext,
  identity: { objectId?: string | undefined; upn?: string | undefined },
): Promise<Staff | undefined> {
  const repos = ctx.store.repositories;
  if (identity.objectId) {
    const linked = await repos.staff.findByEntraObjectId(identity.objectId);
    if (linked) return linked.active ? linked : undefined;
  }
  const upn = identity.upn?.trim().toLowerCase();
  if (!upn) return undefined;
  const byUpn = await repos.staff.findByUpn(upn);
  if (!byUpn || !byUpn.active) return undefined;
  if (identity.objectId && !byUpn.entraObjectId) {
    await ctx.store.transaction(async (tx) => {
      await tx.staff.linkEntraObjectId(byUpn.id, identity.objectId!);
      await tx.audit.record({ entityType: 'staff', entityId: byUpn.id, action: 'linkEntraObjectId', at: ctx.clock.now(), after: { objectId: identity.objectId } });
    });
    return { ...byUpn, entraObjectId: identity.objectId };
  }
  // A UPN already linked to another object id is not re-linked: that would hand one person's
  // record to another account.
  return byUpn.entraObjectId === undefined || byUpn.entraObjectId === identity.objectId ? byUpn : undefined;
}
