import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain-error.js';
import { errorMessage } from '../../../shared/i18n/error-messages.js';
import { GRADES, type Grade } from '../../../shared/organisation/grade.js';
import { assertMayApplyAs, noRoleReason, roleChoicesFor, roleWithGradesLabel } from '../../../shared/recruitment/role-eligibility.js';
import { checkTeamComposition, TEAM_ROLES, type TeamRole, type TeamRules, FY2024_TEAM_RULES } from '../../../shared/recruitment/team-composition.js';

/** The document's table: PM 部長級または課長級, PL 係長級, members 主任以下; 特別職 holds no seat. */
const EXPECTED: Record<Grade, TeamRole[]> = {
  special: [],
  director: ['pm'],
  sectionChief: ['pm'],
  subsectionChief: ['pl'],
  chief: ['member'],
  staff: ['member'],
};

const refusal = (work: () => void): DomainError => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('which roles a grade may apply for', () => {
  it.each(GRADES)('offers a %s exactly the roles the document gives that grade', (grade) => {
    expect(
      roleChoicesFor(grade)
        .filter((choice) => choice.allowed)
        .map((choice) => choice.role),
    ).toEqual(EXPECTED[grade]);
  });

  for (const grade of GRADES) {
    for (const role of TEAM_ROLES) {
      const allowed = EXPECTED[grade].includes(role);
      it(`${allowed ? 'accepts' : 'refuses'} a ${grade} applying as ${role}, as the team builder would seat them`, () => {
        if (allowed) expect(() => assertMayApplyAs(grade, role)).not.toThrow();
        else expect(refusal(() => assertMayApplyAs(grade, role)).field).toBe('desiredRole');
        // One rule: the team check objects to the same seat exactly when the application is refused.
        const gradeCodes = checkTeamComposition([{ staffId: 'x', displayName: 'x', grade, role }], FY2024_TEAM_RULES)
          .errors.map((error) => error.code)
          .filter((code) => code.endsWith('Grade'));
        expect(gradeCodes.length === 0).toBe(allowed);
      });
    }
  }

  it('tells a chief why PM and PL are not offered, in Japanese and English', () => {
    const reasons = roleChoicesFor('chief').flatMap((choice) => (choice.reason ? [choice.reason] : []));
    expect(reasons.map((reason) => errorMessage(reason, 'ja'))).toEqual([
      'プロジェクトマネージャーは部長級・課長級の職員が対象です（あなたの職層: 主任）。',
      'プロジェクトリーダーは係長級の職員が対象です（あなたの職層: 主任）。',
    ]);
    expect(errorMessage(reasons[0]!, 'en')).toBe('The project manager role is open to: director or section chief (your grade: chief).');
  });

  it('refuses a forged PM application by a chief with the same reason the form shows', () => {
    expect(
      errorMessage(
        refusal(() => assertMayApplyAs('chief', 'pm')),
        'ja',
      ),
    ).toBe('プロジェクトマネージャーは部長級・課長級の職員が対象です（あなたの職層: 主任）。');
    expect(
      errorMessage(
        refusal(() => assertMayApplyAs('director', 'member')),
        'ja',
      ),
    ).toBe('メンバーは主任以下の職員が対象です（あなたの職層: 部長級）。');
  });

  it('tells a special-post holder plainly that no role is open to them', () => {
    const reason = noRoleReason('special')!;
    expect(errorMessage(reason, 'ja')).toBe(
      'あなたの職層（特別職）で応募できる役割はありません。PMは部長級・課長級、PLは係長級、メンバーは主任以下の職員が対象です。',
    );
    expect(errorMessage(reason, 'en')).toBe(
      'No role in this team is open to your grade (special post). PM: director or section chief; PL: subsection chief; members: chief or below.',
    );
    expect(refusal(() => assertMayApplyAs('special', 'member')).code).toBe('recruitment.noRoleForGrade');
    expect(noRoleReason('chief')).toBeUndefined();
  });

  it('labels each role with the grades it admits, read from the rules', () => {
    expect(roleWithGradesLabel('pm', 'ja')).toBe('プロジェクトマネージャー（部長級・課長級）');
    expect(roleWithGradesLabel('member', 'en')).toBe('Member (chief or below)');
    const directorsOnly: TeamRules = {
      ...FY2024_TEAM_RULES,
      pmGrades: ['director'],
      plGrades: ['subsectionChief', 'sectionChief'],
      memberMaxGrade: 'subsectionChief',
    };
    expect(roleWithGradesLabel('pm', 'ja', directorsOnly)).toBe('プロジェクトマネージャー（部長級）');
    expect(
      roleChoicesFor('sectionChief', directorsOnly)
        .filter((choice) => choice.allowed)
        .map((choice) => choice.role),
    ).toEqual(['pl']);
  });
});
