import { rolesOf, type ProgrammeRoles } from '../../shared/access/programme-roles.js';
import { conveneAuthority, mayPrepareConvocation } from '../../shared/bodies/convene-permission.js';
import type { Body } from '../../shared/bodies/body.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { Repositories } from '../../shared/ports/store.js';
import { REFRESH_USER_LIMIT } from '../cards/card-kit.js';

/** The sender's roles, or none for people outside the directory. */
export async function rolesOfSender(repos: Repositories, staff: Staff | undefined): Promise<ProgrammeRoles | undefined> {
  return staff ? rolesOf(staff, await repos.bodies.list()) : undefined;
}

/** The bodies on the convene form, and for each whether this person convenes it or only prepares a draft. */
export interface ConveneOffer {
  readonly body: Body;
  readonly mode: 'convene' | 'prepare';
}

/**
 * Bodies this person may convene now (the chair, the acting chair while the 本部長 is absent, a PT
 * secretariat) or prepare a convocation of (HQ's and the council's 庶務). Admins are not conveners.
 */
export async function conveneOffers(repos: Repositories, staff: Staff | undefined, at: Date): Promise<ConveneOffer[]> {
  if (!staff) return [];
  const [bodies, absences] = await Promise.all([repos.bodies.list(), repos.postAbsences.list()]);
  return bodies.flatMap((body): ConveneOffer[] => {
    if (conveneAuthority(body, staff, { absences, at })) return [{ body, mode: 'convene' }];
    return mayPrepareConvocation(body, staff) ? [{ body, mode: 'prepare' }] : [];
  });
}

/** Bodies this person may convene or prepare a convocation of. */
export async function conveneableBodies(repos: Repositories, staff: Staff | undefined, at: Date): Promise<Body[]> {
  return (await conveneOffers(repos, staff, at)).map((offer) => offer.body);
}

/** Teams user ids (MRIs) of the programme secretariat who have written to the bot: a shared review queue refreshes for them. */
export async function secretariatUserIds(repos: Repositories): Promise<string[]> {
  const bodies = await repos.bodies.list();
  return (await repos.staff.list())
    .filter((person) => person.active && person.teamsUserId && (rolesOf(person, bodies).secretariat || person.appRoles.includes('admin')))
    .map((person) => person.teamsUserId!)
    .slice(0, REFRESH_USER_LIMIT);
}
