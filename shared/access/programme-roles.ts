import type { Body } from '../bodies/body.js';
import type { Staff } from '../organisation/staff.js';

/**
 * Roles the app derives from the directory and the bodies' rosters. Nobody is granted a role by
 * hand except `admin`; a personnel transfer moves every other role with the post.
 */
export interface ProgrammeRoles {
  readonly admin: boolean;
  /** Works in the HQ's 庶務 unit (政策企画課): runs calls, reviews proposals, prepares convocations for the chair, records absences of posts. */
  readonly secretariat: boolean;
  /** Bodies whose chair post this person holds. */
  readonly chairOf: readonly string[];
  /** Bodies whose roster includes this person's post. */
  readonly memberOf: readonly string[];
  /** Bodies (PTs included) whose secretariat unit this person works in. */
  readonly secretariatOf: readonly string[];
}

export function rolesOf(staff: Staff, bodies: readonly Body[]): ProgrammeRoles {
  const hq = bodies.find((body) => body.kind === 'hq');
  const inUnits = (unitIds: readonly string[]) => staff.unitId !== undefined && unitIds.includes(staff.unitId);
  const holds = (body: Body, role?: string) => body.roster.some((entry) => entry.postId === staff.postId && (role === undefined || entry.role === role));
  return {
    admin: staff.appRoles.includes('admin'),
    secretariat: hq !== undefined && inUnits(hq.secretariatUnitIds),
    chairOf: bodies.filter((body) => staff.postId !== undefined && holds(body, 'chair')).map((body) => body.id),
    memberOf: bodies.filter((body) => staff.postId !== undefined && holds(body)).map((body) => body.id),
    secretariatOf: bodies.filter((body) => inUnits(body.secretariatUnitIds)).map((body) => body.id),
  };
}
