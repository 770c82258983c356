import { DomainError } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import type { UseCaseContext } from './context.js';

/**
 * Who a Teams or Entra account is in the staff directory:
 * - `staff`: the directory entry (active);
 * - `unknown`: no active entry has this account or UPN (the person may read, not act); `unconfirmed`
 *   when the UPN could not be asked for at all (Teams gives the bot no roster of a chat it is not
 *   in), so the person may well be in the directory: one visit to the tab or the bot links them;
 * - `conflict`: the UPN's entry is linked to another account, and relinking is not allowed here,
 *   so this account is refused rather than handed someone else's record; an admin clears the
 *   link (`npm run admin -- staff unlink <upn>`), after which the next contact links again.
 */
export type StaffIdentity =
  | { readonly kind: 'staff'; readonly staff: Staff }
  | { readonly kind: 'unknown'; readonly unconfirmed?: boolean }
  | { readonly kind: 'conflict'; readonly upn: string };

/** The directory entry of an identity, when it has one. */
export const staffOf = (identity: StaffIdentity): Staff | undefined => (identity.kind === 'staff' ? identity.staff : undefined);

/** Why an identity without a directory entry may not act, in words that say whom to ask. */
export function identityRefusal(identity: Exclude<StaffIdentity, { kind: 'staff' }>): DomainError {
  if (identity.kind === 'conflict') return new DomainError('staff.identityConflict', { upn: identity.upn });
  return new DomainError(identity.unconfirmed ? 'staff.unconfirmed' : 'staff.notInDirectory');
}

/**
 * Finds the directory entry for an account, the same way from every face (bot, tab, message
 * extension): by Entra object id first, then on first contact by UPN (or e-mail), linking the
 * object id to the entry so later look-ups need only the id. Linking is idempotent: the bot and
 * the tab presenting the same object id link once. An entry already linked to another object id is
 * relinked only where `ctx.identity.relink` allows it (local mode, whose demo accounts are not
 * real); elsewhere the attempt is refused and audited once per account.
 */
export async function identifyStaff(
  ctx: UseCaseContext,
  identity: {
    objectId?: string | undefined;
    /**
     * The UPN, or how to ask for it (the bot asks Teams' roster only when the object id is not
     * linked yet); an asking that throws means the UPN could not be had here (`unconfirmed`).
     */
    upn?: string | (() => Promise<string | undefined>) | undefined;
    /** The Teams user id (`29:…`) of a bot activity's sender, recorded on the entry for shared cards' refresh lists. */
    teamsUserId?: string | undefined;
  },
): Promise<StaffIdentity> {
  const found = await findStaff(ctx, identity);
  const teamsUserId = identity.teamsUserId?.trim();
  if (found.kind !== 'staff' || !teamsUserId || found.staff.teamsUserId === teamsUserId) return found;
  await ctx.store.repositories.staff.recordTeamsUserId(found.staff.id, teamsUserId);
  return { kind: 'staff', staff: { ...found.staff, teamsUserId } };
}

async function findStaff(ctx: UseCaseContext, identity: Parameters<typeof identifyStaff>[1]): Promise<StaffIdentity> {
  const repos = ctx.store.repositories;
  const objectId = identity.objectId?.trim().toLowerCase() || undefined;
  if (objectId) {
    const linked = await repos.staff.findByEntraObjectId(objectId);
    if (linked) return linked.active ? { kind: 'staff', staff: linked } : { kind: 'unknown' };
  }
  let asked: string | undefined;
  try {
    asked = typeof identity.upn === 'function' ? await identity.upn() : identity.upn;
  } catch {
    return { kind: 'unknown', unconfirmed: true };
  }
  const upn = asked?.trim().toLowerCase();
  if (!upn) return { kind: 'unknown' };
  const byUpn = await repos.staff.findByUpn(upn);
  if (!byUpn || !byUpn.active) return { kind: 'unknown' };
  if (!objectId || byUpn.entraObjectId === objectId) return { kind: 'staff', staff: byUpn };

  const now = ctx.clock.now();
  if (!byUpn.entraObjectId) {
    await ctx.store.transaction(async (tx) => {
      await tx.staff.linkEntraObjectId(byUpn.id, objectId);
      await tx.audit.record({ entityType: 'staff', entityId: byUpn.id, action: 'linkEntraObjectId', at: now, after: { objectId } });
    });
    return { kind: 'staff', staff: { ...byUpn, entraObjectId: objectId } };
  }
  if (ctx.identity?.relink === 'allow') {
    await ctx.store.transaction(async (tx) => {
      await tx.staff.linkEntraObjectId(byUpn.id, objectId, { replace: true });
      await tx.audit.record({
        entityType: 'staff',
        entityId: byUpn.id,
        action: 'relinkEntraObjectId',
        at: now,
        before: { objectId: byUpn.entraObjectId },
        after: { objectId },
      });
    });
    return { kind: 'staff', staff: { ...byUpn, entraObjectId: objectId } };
  }
  // Recorded once per (entry, account): every tab request and bot turn of that account lands here.
  if (await repos.idempotency.claim(`identity-conflict:${byUpn.id}:${objectId}`, now)) {
    await repos.audit.record({
      entityType: 'staff',
      entityId: byUpn.id,
      action: 'relinkRefused',
      at: now,
      before: { objectId: byUpn.entraObjectId },
      after: { objectId, upn },
    });
  }
  return { kind: 'conflict', upn };
}

/**
 * Clears a directory entry's account link (an admin's answer to a refused relink), audited.
 * Returns the object id that was linked, or `undefined` when there was none.
 */
export async function unlinkStaffAccount(ctx: UseCaseContext, upn: string, actorStaffId?: string): Promise<string | undefined> {
  return ctx.store.transaction(async (tx) => {
    const staff = await tx.staff.findByUpn(upn);
    if (!staff) throw new DomainError('staff.notFound', { id: upn });
    if (!staff.entraObjectId) return undefined;
    // The Teams user id belongs to the unlinked account too.
    await tx.staff.upsert({ ...staff, entraObjectId: undefined, teamsUserId: undefined });
    await tx.audit.record({
      entityType: 'staff',
      entityId: staff.id,
      action: 'unlinkEntraObjectId',
      actorStaffId,
      at: ctx.clock.now(),
      before: { objectId: staff.entraObjectId },
    });
    return staff.entraObjectId;
  });
}
