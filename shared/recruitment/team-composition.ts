import { DomainError } from '../domain-error.js';
import type { Grade } from '../organisation/grade.js';
import { GRADE_LABELS, GRADES, isAtOrBelow } from '../organisation/grade.js';

/** Roles in a proposal-based PT: project manager, project leader, members. */
export type TeamRole = 'pm' | 'pl' | 'member';

/** The roles in the order forms offer them, senior first. */
export const TEAM_ROLES: readonly TeamRole[] = ['pm', 'pl', 'member'];

export interface TeamSeat {
  readonly staffId: string;
  readonly displayName: string;
  readonly grade: Grade;
  readonly role: TeamRole;
  /** Why someone who did not apply (or withdrew) holds the seat; recorded by the secretariat. */
  readonly exceptionReason?: string | undefined;
}

/**
 * The system's team rules, as the programme file states them (５（５）): exactly 1 PM at director or
 * section-chief grade, exactly 1 PL at subsection-chief grade, and 「３名～５名程度」 — about 3–5 —
 * members at chief grade or below. Everyone joins as an individual, so one person holds one seat.
 */
export interface TeamRules {
  readonly pmGrades: readonly Grade[];
  readonly pmCount: number;
  readonly plGrades: readonly Grade[];
  readonly plCount: number;
  readonly memberMaxGrade: Grade;
  readonly minMembers: number;
  readonly maxMembers: number;
  /** 「程度」: the member range is a guide; outside it the secretariat confirms with a reason. */
  readonly membersApproximate: boolean;
  /** The range as printed (「３名～５名程度」). */
  readonly membersAsPrinted: string;
}

/** What the FY2024 programme file states; the app reads the rules from the stored programme, this is for tests and fixtures. */
export const FY2024_TEAM_RULES: TeamRules = {
  pmGrades: ['director', 'sectionChief'],
  pmCount: 1,
  plGrades: ['subsectionChief'],
  plCount: 1,
  memberMaxGrade: 'chief',
  minMembers: 3,
  maxMembers: 5,
  membersApproximate: true,
  membersAsPrinted: '３名～５名程度',
};

/**
 * A team's check: `errors` stop the save; `warnings` (a member count outside an approximate
 * range) need the secretariat's confirmation with a recorded reason.
 */
export interface TeamCheck {
  readonly errors: DomainError[];
  readonly warnings: DomainError[];
}

/**
 * Whether a person of `grade` may hold `role` under `rules`: the one grade rule that the team
 * builder, the application forms and the apply use case all ask.
 */
export function mayHoldRole(grade: Grade, role: TeamRole, rules: TeamRules = FY2024_TEAM_RULES): boolean {
  if (role === 'pm') return rules.pmGrades.includes(grade);
  if (role === 'pl') return rules.plGrades.includes(grade);
  return isAtOrBelow(grade, rules.memberMaxGrade);
}

/** The grades that may hold `role`, senior first. */
export function gradesForRole(role: TeamRole, rules: TeamRules = FY2024_TEAM_RULES): Grade[] {
  return GRADES.filter((grade) => mayHoldRole(grade, role, rules));
}

/**
 * Every violated rule, each as its own error so a secretariat sees all of them at once, and the
 * warnings an approximate rule gives. No errors and no warnings: the team may be saved as it is.
 */
export function checkTeamComposition(seats: readonly TeamSeat[], rules: TeamRules): TeamCheck {
  const errors: DomainError[] = [];
  const warnings: DomainError[] = [];
  const byRole = (role: TeamRole) => seats.filter((seat) => seat.role === role);
  const gradeNames = (grades: readonly Grade[]) => grades.map((grade) => GRADE_LABELS[grade].ja).join('・');
  const gradeNamesEn = (grades: readonly Grade[]) => grades.map((grade) => GRADE_LABELS[grade].en.toLowerCase()).join(' or ');

  for (const [role, grades, required] of [
    ['pm', rules.pmGrades, rules.pmCount],
    ['pl', rules.plGrades, rules.plCount],
  ] as const) {
    const holders = byRole(role);
    if (holders.length !== required) errors.push(new DomainError(`team.${role}Count`, { count: holders.length, required }));
    for (const seat of holders.filter((holder) => !mayHoldRole(holder.grade, role, rules))) {
      errors.push(
        new DomainError(`team.${role}Grade`, {
          name: seat.displayName,
          grade: GRADE_LABELS[seat.grade].ja,
          allowed: gradeNames(grades),
          gradeEn: GRADE_LABELS[seat.grade].en.toLowerCase(),
          allowedEn: gradeNamesEn(grades),
        }),
      );
    }
  }

  const members = byRole('member');
  const outsideRange = members.length < rules.minMembers || members.length > rules.maxMembers;
  // 「程度」 allows a team a member more or fewer, with a reason; a team with no member at all is not a team.
  if (outsideRange && rules.membersApproximate && members.length > 0) {
    warnings.push(
      new DomainError('team.memberCountApproximate', { count: members.length, min: rules.minMembers, max: rules.maxMembers, printed: rules.membersAsPrinted }),
    );
  } else if (outsideRange) {
    errors.push(new DomainError('team.memberCount', { count: members.length, min: rules.minMembers, max: rules.maxMembers }));
  }
  for (const seat of members.filter((member) => !mayHoldRole(member.grade, 'member', rules))) {
    errors.push(
      new DomainError('team.memberGrade', { name: seat.displayName, grade: GRADE_LABELS[seat.grade].ja, gradeEn: GRADE_LABELS[seat.grade].en.toLowerCase() }),
    );
  }

  const counts = new Map<string, number>();
  for (const seat of seats) counts.set(seat.staffId, (counts.get(seat.staffId) ?? 0) + 1);
  for (const seat of seats.filter((candidate, index) => seats.findIndex((s) => s.staffId === candidate.staffId) === index)) {
    if ((counts.get(seat.staffId) ?? 0) > 1) errors.push(new DomainError('team.duplicatePerson', { name: seat.displayName }));
  }
  return { errors, warnings };
}
