import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../shared/i18n/error-messages.js';
import { checkTeamComposition, type TeamSeat } from '../../../shared/recruitment/team-composition.js';

const seat = (staffId: string, grade: TeamSeat['grade'], role: TeamSeat['role']): TeamSeat => ({ staffId, displayName: staffId, grade, role });
const valid: TeamSeat[] = [
  seat('佐藤', 'sectionChief', 'pm'),
  seat('鈴木', 'subsectionChief', 'pl'),
  seat('高橋', 'chief', 'member'),
  seat('田中', 'staff', 'member'),
  seat('伊藤', 'staff', 'member'),
];

describe('proposal-based PT team composition', () => {
  it('accepts 1 PM (section chief), 1 PL (subsection chief) and 3 members at chief grade or below', () => {
    expect(checkTeamComposition(valid)).toEqual([]);
  });

  it('accepts a director as PM and up to 5 members', () => {
    const team = [seat('部長', 'director', 'pm'), ...valid.slice(1), seat('渡辺', 'chief', 'member'), seat('山本', 'staff', 'member')];
    expect(checkTeamComposition(team)).toEqual([]);
  });

  it('refuses a team with 2 PLs with a message naming the PL rule', () => {
    const errors = checkTeamComposition([...valid, seat('中村', 'subsectionChief', 'pl')]);
    expect(errors.map((e) => e.code)).toEqual(['team.plCount']);
    expect(errorMessage(errors[0]!, 'ja')).toBe('プロジェクトリーダー（PL）は1名必要です（現在2名）。');
    expect(errorMessage(errors[0]!, 'en')).toContain('exactly 1 project leader (PL); it has 2');
  });

  it('reports every broken rule separately', () => {
    const team = [seat('係長', 'subsectionChief', 'pm'), seat('課長', 'sectionChief', 'member'), seat('主任', 'chief', 'member')];
    expect(checkTeamComposition(team).map((e) => e.code)).toEqual(['team.pmGrade', 'team.plCount', 'team.memberCount', 'team.memberGrade']);
  });

  it('refuses 6 members and the same person in two seats', () => {
    const six = [...valid, seat('a', 'staff', 'member'), seat('b', 'staff', 'member'), seat('c', 'staff', 'member')];
    expect(checkTeamComposition(six).map((e) => e.code)).toEqual(['team.memberCount']);
    expect(checkTeamComposition([...valid, seat('高橋', 'chief', 'member')]).map((e) => e.code)).toContain('team.duplicatePerson');
  });
});
