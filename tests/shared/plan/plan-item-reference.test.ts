import { describe, expect, it } from 'vitest';
import { parseItemNumbers } from '../../../shared/plan/item-number.js';
import { planItemLabel, planItemReference } from '../../../shared/plan/plan-item-reference.js';
import type { ProjectTeam } from '../../../shared/plan/project-team.js';

const team = (id: string, items: string, title: string): ProjectTeam => ({
  id,
  bodyId: `body-${id}`,
  items: parseItemNumbers(items),
  title,
  category: 'crossDepartmental',
  topics: [],
  secretariatUnitIds: [],
  memberUnitIds: [],
  membersOpenEnded: false,
  unassignedUnitIds: [],
  notes: [],
  status: 'active',
  sortOrder: 1,
});
const teams = [team('pt-2-24', '2‐24', 'オンライン相談・手続き支援の拡充'), team('pt-3-12', '3-12/3‐13', '補助金・助成金等の申請・受付等業務の効率化')];

describe('the plan item a proposal names', () => {
  it('shows the number as the programme prints it, with the title of the PT that covers it', () => {
    expect(planItemReference('2-24', teams)).toEqual({ key: '2-24', number: '2‐24', title: 'オンライン相談・手続き支援の拡充', ptId: 'pt-2-24' });
    expect(planItemLabel(planItemReference('3-13', teams))).toBe('3‐13 補助金・助成金等の申請・受付等業務の効率化');
  });

  it('shows the number alone for an item no PT covers', () => {
    expect(planItemReference('5-11', teams)).toEqual({ key: '5-11', number: '5-11', title: undefined, ptId: undefined });
    expect(planItemLabel(planItemReference('5-11', teams))).toBe('5-11');
  });
});
