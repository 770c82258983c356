import type { Body } from '../bodies/body.js';
import type { Staff } from '../organisation/staff.js';
import { rolesOf } from './programme-roles.js';

/**
 * The programme roles a newcomer tells people apart by, highest first: HQ's 本部長 and 副本部長, the
 * council's 議長, the 事務局 (HQ's 庶務 unit), 構成員 of HQ or the council, and the app's admin.
 */
export type ProgrammeRole = 'hqChair' | 'hqViceChair' | 'councilChair' | 'secretariat' | 'member' | 'admin';

/** A heading of the sign-in picker: a role, or 職員 for everyone who holds none. */
export type RoleGroup = ProgrammeRole | 'staff';

/** The picker's headings in display order; 職員 comes before admin, which is a technical role. */
export const ROLE_GROUP_ORDER: readonly RoleGroup[] = ['hqChair', 'hqViceChair', 'councilChair', 'secretariat', 'member', 'staff', 'admin'];

/** Rank when one person holds several roles: the person appears under the first. */
const RANK: readonly ProgrammeRole[] = ['hqChair', 'hqViceChair', 'councilChair', 'secretariat', 'member', 'admin'];

/**
 * Every programme role of a person, highest first, derived from the bodies' rosters and the
 * directory like {@link rolesOf}: a transfer moves the roles with the post, nothing is listed by
 * name. The 政策企画課長 is the council's 議長, an HQ member (司会) and in the 事務局 unit.
 */
export function programmeRolesOf(staff: Staff, bodies: readonly Body[]): ProgrammeRole[] {
  const roles = rolesOf(staff, bodies);
  const holds = (kind: Body['kind'], role: 'chair' | 'viceChair' | 'member') =>
    staff.postId !== undefined &&
    bodies.some((body) => body.kind === kind && body.roster.some((entry) => entry.postId === staff.postId && entry.role === role));
  const held: Record<ProgrammeRole, boolean> = {
    hqChair: holds('hq', 'chair'),
    hqViceChair: holds('hq', 'viceChair'),
    councilChair: holds('council', 'chair'),
    secretariat: roles.secretariat,
    member: holds('hq', 'member') || holds('council', 'member'),
    admin: roles.admin,
  };
  return RANK.filter((role) => held[role]);
}

/** The heading a person appears under: the highest role, or 職員 without one. */
export function roleGroupOf(roles: readonly ProgrammeRole[]): RoleGroup {
  return RANK.find((role) => roles.includes(role)) ?? 'staff';
}

/** Someone the picker lists: a display name, an optional reading (よみ) and the roles. */
export interface GroupablePerson {
  readonly displayName: string;
  /** The name's kana reading when the directory has one; it sorts better than kanji do. */
  readonly reading?: string | undefined;
  readonly roles: readonly ProgrammeRole[];
}

/** One heading and its people, sorted; `others` are the roles each person holds besides the heading's, for badges. */
export interface RoleGroupOf<T> {
  readonly group: RoleGroup;
  readonly people: readonly { readonly person: T; readonly others: readonly ProgrammeRole[] }[];
}

/**
 * Groups people under their highest role in {@link ROLE_GROUP_ORDER}, leaves out empty groups and
 * sorts each group by reading (else display name) in Japanese collation, so the same list always
 * reads the same way whatever order the directory returned.
 */
export function groupByRole<T extends GroupablePerson>(people: readonly T[]): RoleGroupOf<T>[] {
  const collator = new Intl.Collator('ja');
  const sortKey = (person: T) => person.reading || person.displayName;
  return ROLE_GROUP_ORDER.map((group) => ({
    group,
    people: people
      .filter((person) => roleGroupOf(person.roles) === group)
      .sort((a, b) => collator.compare(sortKey(a), sortKey(b)) || collator.compare(a.displayName, b.displayName))
      .map((person) => ({ person, others: person.roles.filter((role) => role !== group) })),
  })).filter((entry) => entry.people.length > 0);
}
