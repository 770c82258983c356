import { DomainError } from '../domain-error.js';
import { foldForSearch } from '../text/normalise.js';
import type { Staff } from '../organisation/staff.js';
import type { UseCaseContext } from './context.js';

/** At most this many people answer one search of the directory. */
export const STAFF_SEARCH_LIMIT = 200;

/** Only an administrator manages the directory. */
function assertAdmin(actor: Staff): void {
  if (!actor.appRoles.includes('admin')) throw new DomainError('auth.forbidden');
}

/**
 * The directory as an administrator browses it: everyone (the inactive too), found by any part of
 * the name, UPN, unit or post (folded as the app's other searches are), at most
 * {@link STAFF_SEARCH_LIMIT}, in the directory's order.
 */
export async function searchStaffDirectory(ctx: UseCaseContext, actor: Staff, query: string): Promise<{ staff: Staff[]; total: number }> {
  assertAdmin(actor);
  const repos = ctx.store.repositories;
  const [staff, units, posts] = await Promise.all([repos.staff.list(), repos.units.list(), repos.posts.list()]);
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const postTitle = new Map(posts.map((post) => [post.id, post.title]));
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const matches = staff.filter((person) => {
    if (words.length === 0) return true;
    const text = foldForSearch(
      [person.displayName, person.upn, unitName.get(person.unitId ?? ''), postTitle.get(person.postId ?? '')].filter(Boolean).join(' '),
    );
    return words.every((word) => text.includes(word));
  });
  return { staff: matches.slice(0, STAFF_SEARCH_LIMIT), total: matches.length };
}

/**
 * Deactivates or reactivates a person, or grants or withdraws the app's admin role; audited. An
 * inactive person is treated as unknown by every face. An administrator may not deactivate
 * themselves or withdraw their own admin role (they would lock themselves out; another admin may).
 * A later staff import sets both again from the directory file, as its preview shows.
 */
export async function updateStaffAccess(ctx: UseCaseContext, actor: Staff, staffId: string, change: { active?: boolean; admin?: boolean }): Promise<Staff> {
  assertAdmin(actor);
  if (staffId === actor.id && (change.active === false || change.admin === false)) throw new DomainError('staff.selfLockout');
  return ctx.store.transaction(async (tx) => {
    const before = await tx.staff.get(staffId);
    if (!before) throw new DomainError('staff.notFound', { id: staffId });
    const appRoles =
      change.admin === undefined
        ? before.appRoles
        : change.admin
          ? [...new Set([...before.appRoles, 'admin' as const])]
          : before.appRoles.filter((role) => role !== 'admin');
    const after: Staff = { ...before, active: change.active ?? before.active, appRoles };
    if ((await tx.staff.upsert(after)) === 'unchanged') return before;
    await tx.audit.record({ entityType: 'staff', entityId: staffId, action: 'updateAccess', actorStaffId: actor.id, at: ctx.clock.now(), before, after });
    return after;
  });
}
