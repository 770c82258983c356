import { describe, expect, it } from 'vitest';
import { groupByRole, programmeRolesOf, roleGroupOf, type ProgrammeRole } from '../../../shared/access/role-groups.js';
import { COUNCIL } from '../../support/domain-fixtures.js';
import { HQ, STAFF } from '../../tab/support/tab-seed.js';

const bodies = [HQ, COUNCIL];

describe('programme roles for the sign-in picker', () => {
  it('derives every role from the rosters and the directory, highest first', () => {
    expect(programmeRolesOf(STAFF.mayor, bodies)).toEqual(['hqChair']);
    expect(programmeRolesOf(STAFF.deputy1, bodies)).toEqual(['hqViceChair']);
    // 政策企画課長: 議長 of the council, 司会 (a member) of HQ, and in the 庶務 unit.
    expect(programmeRolesOf(STAFF.planningChief, bodies)).toEqual(['councilChair', 'secretariat', 'member']);
    expect(programmeRolesOf(STAFF.secretary, bodies)).toEqual(['secretariat']);
    expect(programmeRolesOf(STAFF.admin, bodies)).toEqual(['admin']);
    expect(programmeRolesOf(STAFF.author, bodies)).toEqual([]);
  });

  it('moves the role with the post: whoever holds 区長 is 本部長', () => {
    expect(programmeRolesOf({ ...STAFF.author, postId: 'kucho' }, bodies)).toEqual(['hqChair']);
  });

  it('puts a person under the highest role, 職員 without one', () => {
    expect(roleGroupOf(['secretariat', 'admin'])).toBe('secretariat');
    expect(roleGroupOf(['admin'])).toBe('admin');
    expect(roleGroupOf([])).toBe('staff');
  });

  it('groups in heading order, sorts by reading (else name) in Japanese collation, and badges the other roles', () => {
    const person = (displayName: string, roles: ProgrammeRole[], reading?: string) => ({ displayName, roles, reading });
    const groups = groupByRole([
      person('管理 者', ['admin']),
      person('山田 花子', [], 'やまだ はなこ'),
      person('阿部 一郎', [], 'あべ いちろう'),
      person('企画 課長', ['councilChair', 'secretariat', 'member']),
      person('世田谷 太郎', ['hqChair']),
    ]);
    expect(groups.map((group) => group.group)).toEqual(['hqChair', 'councilChair', 'staff', 'admin']);
    expect(groups.find((group) => group.group === 'staff')!.people.map((entry) => entry.person.displayName)).toEqual(['阿部 一郎', '山田 花子']);
    expect(groups.find((group) => group.group === 'councilChair')!.people[0]!.others).toEqual(['secretariat', 'member']);
  });
});
