import { DomainError } from '../domain-error.js';
import { TEAM_ROLE_LABELS } from '../i18n/labels.js';
import type { Locale } from '../i18n/locale.js';
import { GRADE_LABELS, type Grade } from '../organisation/grade.js';
import { FY2024_TEAM_RULES, gradesForRole, TEAM_ROLES, type TeamRole, type TeamRules } from './team-composition.js';

/** One role on an application form: offered, or not offered with the reason. */
export interface RoleChoice {
  readonly role: TeamRole;
  readonly allowed: boolean;
  /** Why the role is not offered to this grade (`recruitment.roleNotForGrade`). */
  readonly reason?: DomainError | undefined;
}

/**
 * The grades a role admits as the document writes them: 「部長級・課長級」, 「係長級」, and for members
 * the grade ceiling 「主任以下」 ("chief or below"), all read from `rules`.
 */
export function allowedGradesText(role: TeamRole, locale: Locale, rules: TeamRules = FY2024_TEAM_RULES): string {
  if (role === 'member') {
    const ceiling = GRADE_LABELS[rules.memberMaxGrade];
    return locale === 'ja' ? `${ceiling.ja}以下` : `${ceiling.en.toLowerCase()} or below`;
  }
  const grades = gradesForRole(role, rules).map((grade) => (locale === 'ja' ? GRADE_LABELS[grade].ja : GRADE_LABELS[grade].en.toLowerCase()));
  return grades.join(locale === 'ja' ? '・' : ' or ');
}

/** 「プロジェクトマネージャー（部長級・課長級）」: a role with the grades it admits, for choice lists. */
export function roleWithGradesLabel(role: TeamRole, locale: Locale, rules: TeamRules = FY2024_TEAM_RULES): string {
  const grades = allowedGradesText(role, locale, rules);
  return locale === 'ja' ? `${TEAM_ROLE_LABELS[role].ja}（${grades}）` : `${TEAM_ROLE_LABELS[role].en} (${grades})`;
}

function roleNotForGrade(role: TeamRole, grade: Grade, rules: TeamRules): DomainError {
  return new DomainError(
    'recruitment.roleNotForGrade',
    {
      role: TEAM_ROLE_LABELS[role].ja,
      roleEn: TEAM_ROLE_LABELS[role].en.toLowerCase(),
      allowed: allowedGradesText(role, 'ja', rules),
      allowedEn: allowedGradesText(role, 'en', rules),
      grade: GRADE_LABELS[grade].ja,
      gradeEn: GRADE_LABELS[grade].en.toLowerCase(),
    },
    'desiredRole',
  );
}

function noRoleForGrade(grade: Grade, rules: TeamRules): DomainError {
  const params: Record<string, string> = { grade: GRADE_LABELS[grade].ja, gradeEn: GRADE_LABELS[grade].en.toLowerCase() };
  for (const role of TEAM_ROLES) {
    params[role] = allowedGradesText(role, 'ja', rules);
    params[`${role}En`] = allowedGradesText(role, 'en', rules);
  }
  return new DomainError('recruitment.noRoleForGrade', params, 'desiredRole');
}

/** Every role, senior first, each offered or refused for `grade` by the same rule the team builder uses. */
export function roleChoicesFor(grade: Grade, rules: TeamRules = FY2024_TEAM_RULES): RoleChoice[] {
  return TEAM_ROLES.map((role) =>
    gradesForRole(role, rules).includes(grade) ? { role, allowed: true } : { role, allowed: false, reason: roleNotForGrade(role, grade, rules) },
  );
}

/**
 * The refusal a person of `grade` gets when no role admits them (e.g. 特別職), or undefined when
 * at least one role is open to them.
 */
export function noRoleReason(grade: Grade, rules: TeamRules = FY2024_TEAM_RULES): DomainError | undefined {
  return roleChoicesFor(grade, rules).some((choice) => choice.allowed) ? undefined : noRoleForGrade(grade, rules);
}

/** Refuses an application for a role the applicant's grade cannot hold, whatever form sent it. */
export function assertMayApplyAs(grade: Grade, role: TeamRole, rules: TeamRules = FY2024_TEAM_RULES): void {
  const none = noRoleReason(grade, rules);
  if (none) throw none;
  const choice = roleChoicesFor(grade, rules).find((each) => each.role === role);
  if (!choice?.allowed) throw choice?.reason ?? roleNotForGrade(role, grade, rules);
}
