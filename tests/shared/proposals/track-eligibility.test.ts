import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/organisation/unit.js';
import { assertMayUseTrack, defaultTrack, departmentOf } from '../../../shared/proposals/track-eligibility.js';
import { staffMember } from '../../support/domain-fixtures.js';

const units = new Map<string, Unit>(
  [
    { id: 'seisaku-keiei-bu', name: '政策経営部', kind: 'department' },
    { id: 'seisaku-kikaku-ka', name: '政策企画課', kind: 'section', parentId: 'seisaku-keiei-bu' },
    { id: 'somu-bu', name: '総務部', kind: 'department' },
    { id: 'somu-ka', name: '総務課', kind: 'section', parentId: 'somu-bu' },
  ].map((unit) => [unit.id, unit as Unit]),
);

describe('which track a proposal may use', () => {
  it('finds a section’s department', () => {
    expect(departmentOf('seisaku-kikaku-ka', units)?.name).toBe('政策経営部');
  });

  it('starts directors and section chiefs on the department track, everyone else on the individual one', () => {
    expect(defaultTrack(staffMember({ id: 'a', grade: 'sectionChief' }))).toBe('department');
    expect(defaultTrack(staffMember({ id: 'b', grade: 'chief' }))).toBe('individual');
  });

  it('lets a section chief submit for their own department', () => {
    const chief = staffMember({ id: 'c', grade: 'sectionChief', unitId: 'seisaku-kikaku-ka' });
    expect(() => assertMayUseTrack(chief, 'department', 'seisaku-keiei-bu', units)).not.toThrow();
  });

  it('refuses a department-track proposal from someone outside that department, naming it', () => {
    const outsider = staffMember({ id: 'd', grade: 'sectionChief', unitId: 'somu-ka' });
    expect(() => assertMayUseTrack(outsider, 'department', 'seisaku-keiei-bu', units)).toThrowError(/proposal.notInDepartment.*政策経営部/);
  });

  it('accepts an individual proposal from anyone', () => {
    expect(() => assertMayUseTrack(staffMember({ id: 'e' }), 'individual', undefined, units)).not.toThrow();
  });
});
