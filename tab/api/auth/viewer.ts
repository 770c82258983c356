import { rolesOf, type ProgrammeRoles } from '../../../shared/access/programme-roles.js';
import type { Body } from '../../../shared/bodies/body.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import { identifyStaff, staffOf, type StaffIdentity } from '../../../shared/use-cases/staff-identity.js';
import type { VerifiedCaller } from './token-validator.js';

/**
 * The signed-in caller of one request: the verified token, the directory entry (absent for an
 * account the directory does not know, which may read but not act) and the roles it implies.
 */
export interface Viewer {
  readonly caller: VerifiedCaller;
  readonly staff?: Staff | undefined;
  /** How the account matched the directory; says why `staff` is missing. */
  readonly identity: StaffIdentity;
  readonly roles: ProgrammeRoles;
  readonly bodies: readonly Body[];
}

const NO_ROLES: ProgrammeRoles = { admin: false, secretariat: false, chairOf: [], memberOf: [], secretariatOf: [] };

export async function resolveViewer(ctx: UseCaseContext, caller: VerifiedCaller): Promise<Viewer> {
  const identity = await identifyStaff(ctx, { objectId: caller.objectId, upn: caller.upn });
  const staff = staffOf(identity);
  const bodies = await ctx.store.repositories.bodies.list();
  return { caller, staff, identity, roles: staff ? rolesOf(staff, bodies) : NO_ROLES, bodies };
}

/** Programme secretariat (HQ 庶務) or an administrator. */
export function isReviewer(viewer: Viewer): boolean {
  return viewer.roles.secretariat || viewer.roles.admin;
}
