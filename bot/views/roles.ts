import { rolesOf, type ProgrammeRoles } from '../../shared/access/programme-roles.js';
import { conveneAuthority } from '../../shared/bodies/convene-permission.js';
import type { Body } from '../../shared/bodies/body.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { Repositories } from '../../shared/ports/store.js';

/** The sender's roles, or none for people outside the directory. */
export async function rolesOfSender(repos: Repositories, staff: Staff | undefined): Promise<ProgrammeRoles | undefined> {
  return staff ? rolesOf(staff, await repos.bodies.list()) : undefined;
}

/** Bodies this person may convene (chair, or the secretariat on the chair's behalf; admins any). */
export async function conveneableBodies(repos: Repositories, staff: Staff | undefined): Promise<Body[]> {
  if (!staff) return [];
  const bodies = await repos.bodies.list();
  return bodies.filter((body) => staff.appRoles.includes('admin') || conveneAuthority(body, staff) !== undefined);
}

/** Entra ids of the programme secretariat who have used the app: a shared review queue refreshes for them. */
export async function secretariatObjectIds(repos: Repositories): Promise<string[]> {
  const bodies = await repos.bodies.list();
  return (await repos.staff.list())
    .filter((person) => person.active && person.entraObjectId && (rolesOf(person, bodies).secretariat || person.appRoles.includes('admin')))
    .map((person) => person.entraObjectId!)
    .slice(0, 60);
}
