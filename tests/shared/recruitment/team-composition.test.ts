import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../shared/i18n/error-messages.js';
import { parseProgrammeFile, toTeamRules } from '../../../shared/programme/programme-loader.js';
import { checkTeamComposition, FY2024_TEAM_RULES, type TeamRules, type TeamSeat } from '../../../shared/recruitment/team-composition.js';
import { PROGRAMME_YAML } from '../../support/programme-store.js';

const seat = (staffId: string, grade: TeamSeat['grade'], role: TeamSeat['role']): TeamSeat => ({ staffId, displayName: staffId, grade, role });
const valid: TeamSeat[] = [
  seat('佐藤', 'sectionChief', 'pm'),
  seat('鈴木', 'subsectionChief', 'pl'),
  seat('高橋', 'chief', 'member'),
  seat('田中', 'staff', 'member'),
  seat('伊藤', 'staff', 'member'),
];
const rules = toTeamRules(parseProgrammeFile(PROGRAMME_YAML));
const codes = (check: { errors: readonly { code: string }[] }) => check.errors.map((error) => error.code);

describe('proposal-based PT team composition (提案型PT制度 ５（５）)', () => {
  it('reads the rules from the programme file: PM 1 (部長級・課長級), PL 1 (係長級), members 主任以下 「３名～５名程度」', () => {
    expect(rules).toEqual(FY2024_TEAM_RULES);
    expect(rules).toMatchObject({ pmCount: 1, plCount: 1, minMembers: 3, maxMembers: 5, membersApproximate: true, membersAsPrinted: '３名～５名程度' });
  });

  it('accepts 1 PM (section chief), 1 PL (subsection chief) and 3 members at chief grade or below, with no warning', () => {
    expect(checkTeamComposition(valid, rules)).toEqual({ errors: [], warnings: [] });
  });

  it('accepts a director as PM and up to 5 members', () => {
    const team = [seat('部長', 'director', 'pm'), ...valid.slice(1), seat('渡辺', 'chief', 'member'), seat('山本', 'staff', 'member')];
    expect(checkTeamComposition(team, rules)).toEqual({ errors: [], warnings: [] });
  });

  it('warns but does not refuse 6 members or 2 members, since 「３名～５名程度」 means about (５（５）)', () => {
    const six = [...valid, seat('a', 'staff', 'member'), seat('b', 'staff', 'member'), seat('c', 'staff', 'member')];
    const check = checkTeamComposition(six, rules);
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((warning) => warning.code)).toEqual(['team.memberCountApproximate']);
    expect(errorMessage(check.warnings[0]!, 'ja')).toBe(
      'メンバーは「３名～５名程度」です（現在6名）。この人数で編成する場合は、事務局が理由を記録して確定してください。',
    );
    expect(checkTeamComposition(valid.slice(0, 4), rules).warnings.map((warning) => warning.code)).toEqual(['team.memberCountApproximate']);
  });

  it('refuses a team with no member at all, approximate or not', () => {
    expect(codes(checkTeamComposition(valid.slice(0, 2), rules))).toEqual(['team.memberCount']);
  });

  it('refuses outside the range when the rule is exact (a file without 「程度」)', () => {
    const exact: TeamRules = { ...rules, membersApproximate: false, membersAsPrinted: '３名～５名' };
    const six = [...valid, seat('a', 'staff', 'member'), seat('b', 'staff', 'member'), seat('c', 'staff', 'member')];
    expect(checkTeamComposition(six, exact)).toMatchObject({ warnings: [] });
    expect(codes(checkTeamComposition(six, exact))).toEqual(['team.memberCount']);
  });

  it('refuses a team with 2 PLs with a message naming the PL rule: exactly 1 is exact, not approximate', () => {
    const { errors } = checkTeamComposition([...valid, seat('中村', 'subsectionChief', 'pl')], rules);
    expect(errors.map((e) => e.code)).toEqual(['team.plCount']);
    expect(errorMessage(errors[0]!, 'ja')).toBe('プロジェクトリーダー（PL）は1名必要です（現在2名）。');
    expect(errorMessage(errors[0]!, 'en')).toContain('exactly 1 project leader (PL); it has 2');
  });

  it('takes the PM and PL counts from the rules', () => {
    const twoLeaders: TeamRules = { ...rules, plCount: 2 };
    expect(codes(checkTeamComposition([...valid, seat('中村', 'subsectionChief', 'pl')], twoLeaders))).toEqual([]);
  });

  it('reports every broken rule separately', () => {
    const team = [seat('係長', 'subsectionChief', 'pm'), seat('課長', 'sectionChief', 'member'), seat('主任', 'chief', 'member')];
    const check = checkTeamComposition(team, rules);
    expect(codes(check)).toEqual(['team.pmGrade', 'team.plCount', 'team.memberGrade']);
    expect(check.warnings.map((warning) => warning.code)).toEqual(['team.memberCountApproximate']);
  });

  it('refuses the same person in two seats', () => {
    expect(codes(checkTeamComposition([...valid, seat('高橋', 'chief', 'member')], rules))).toContain('team.duplicatePerson');
  });
});
