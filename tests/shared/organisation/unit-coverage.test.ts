import { describe, expect, it } from 'vitest';
import { isExpectedAttendee } from '../../../shared/meetings/attendance.js';
import { coveredUnitIds } from '../../../shared/organisation/unit-coverage.js';
import { expectsUnit } from '../../../shared/plan/project-team.js';
import { parseProgrammeFile, toDomain } from '../../../shared/programme/programme-loader.js';
import { PROGRAMME_YAML } from '../../support/programme-store.js';
import { staffMember } from '../../support/domain-fixtures.js';

const programme = toDomain(parseProgrammeFile(PROGRAMME_YAML));
const team = (item: string) => programme.projectTeams.find((candidate) => candidate.items.some((number) => number.key === item))!;
const unitName = (id: string) => programme.units.find((unit) => unit.id === id)?.name;

/**
 * The PT list (２（２）) names units, departments, branches and groups as 想定メンバー. Each covers
 * the sections under it; the entries themselves stay as printed.
 */
describe('expected members are units, groups and departments (２（２） 想定メンバー)', () => {
  it('counts a staff member of 地域振興課（世田谷） in 1-38, whose list prints 各支所地域振興課', () => {
    expect(team('1-38').memberUnitIds.map(unitName)).toContain('支所地域振興課');
    expect(expectsUnit(team('1-38'), 'chiiki-shinko-ka-setagaya')).toBe(true);
    const setagaya = staffMember({ id: 's', unitId: 'chiiki-shinko-ka-setagaya', grade: 'chief' });
    const body = programme.bodies.find((candidate) => candidate.id === team('1-38').bodyId)!;
    expect(isExpectedAttendee(body, setagaya, team('1-38'))).toBe(true);
  });

  it('lets 支所区民課・地域振興課 (1-4) and 支所地域振興課・保健福祉4課 (2‐24) cover each branch’s 地域振興課', () => {
    expect(expectsUnit(team('1-4'), 'chiiki-shinko-ka-setagaya')).toBe(true);
    expect(expectsUnit(team('2-24'), 'chiiki-shinko-ka-setagaya')).toBe(true);
  });

  it('lets 各総合支所 (1-30, 2-5) cover every branch and the sections under it', () => {
    for (const item of ['1-30', '2-5']) {
      for (const branch of ['setagaya-sogo-shisho', 'kitazawa-sogo-shisho', 'tamagawa-sogo-shisho', 'kinuta-sogo-shisho', 'karasuyama-sogo-shisho']) {
        expect(expectsUnit(team(item), branch), `${item} ${branch}`).toBe(true);
      }
      expect(expectsUnit(team(item), 'chiiki-shinko-ka-setagaya'), item).toBe(true);
    }
  });

  it('lets a department entry (地域行政部 in 1-30) cover its sections (地域行政課)', () => {
    expect(expectsUnit(team('1-30'), 'chiiki-gyosei-ka')).toBe(true);
  });

  it('lets a branch entry (世田谷総合支所) cover its own sections', () => {
    expect(coveredUnitIds(['setagaya-sogo-shisho'], programme.units)).toContain('chiiki-shinko-ka-setagaya');
  });

  it('does not stretch a group beyond its rule: 各支所地域振興課 is not 政策企画課, nor a branch itself', () => {
    expect(expectsUnit(team('1-38'), 'zaisei-ka')).toBe(false);
    expect(coveredUnitIds(['shisho-chiiki-shinko-ka'], programme.units)).not.toContain('kitazawa-sogo-shisho');
    // 5-2 lists neither a branch nor 地域行政部.
    expect(expectsUnit(team('5-2'), 'chiiki-shinko-ka-setagaya')).toBe(false);
  });

  it('keeps the printed entries for display: the member list is as the document prints it', () => {
    expect(team('1-30').memberUnitIds.map(unitName)).toEqual([
      '各総合支所',
      '地域行政部',
      '保健福祉政策部',
      '高齢福祉部',
      '障害福祉部',
      '子ども・若者部',
      '世田谷保健所',
      '政策経営部',
    ]);
  });
});
