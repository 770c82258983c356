import { describe, expect, it } from 'vitest';
import { rolesOf } from '../../../shared/access/programme-roles.js';
import { readCsv } from '../../../shared/csv/csv-table.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import { toDomain } from '../../../shared/programme/programme-loader.js';
import { checkTeamComposition, type TeamSeat, FY2024_TEAM_RULES } from '../../../shared/recruitment/team-composition.js';
import { systemClock } from '../../../shared/time/clock.js';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import { STAFF_CSV_COLUMNS, planStaffImport } from '../../../shared/use-cases/staff-import.js';
import { DEMO_STAFF_CSV, PROGRAMME } from './programme-fixture.js';

const programme = toDomain(PROGRAMME);

/** Just the repositories `planStaffImport` reads, backed by the programme file: no database needed. */
function referenceDataContext(): UseCaseContext {
  let next = 0;
  const repositories = {
    units: { list: async () => [...programme.units] },
    posts: { list: async () => [...programme.posts] },
    staff: { findByUpn: async () => undefined, findByEntraObjectId: async () => undefined },
  };
  return { store: { repositories }, clock: systemClock, newId: () => `staff-${++next}` } as unknown as UseCaseContext;
}

async function demoStaff(): Promise<Staff[]> {
  return (await planStaffImport(referenceDataContext(), DEMO_STAFF_CSV)).map((line) => line.staff);
}

describe('the demo staff directory', () => {
  it('has exactly the staff import columns', () => {
    expect(readCsv(DEMO_STAFF_CSV).header).toEqual([...STAFF_CSV_COLUMNS]);
  });

  it('passes the staff import validation against the programme’s units and posts', async () => {
    const staff = await demoStaff();
    expect(staff.length).toBeGreaterThan(40);
    expect(staff.every((person) => person.upn.endsWith('@example.jp'))).toBe(true);
  });

  it('fills every HQ and council post with one active person', async () => {
    const staff = await demoStaff();
    const posts = new Set(programme.bodies.filter((b) => b.kind === 'hq' || b.kind === 'council').flatMap((b) => b.roster.map((e) => e.postId)));
    for (const postId of posts) {
      expect(
        staff.filter((person) => person.postId === postId && person.active),
        postId,
      ).toHaveLength(1);
    }
  });

  it('gives each post holder the post’s grade', async () => {
    const grades = new Map(programme.posts.map((post) => [post.id, post.grade]));
    for (const person of await demoStaff()) {
      if (person.postId) expect(person.grade, person.upn).toBe(grades.get(person.postId));
    }
  });

  it('has enough people without posts for a valid proposal-based PT team', async () => {
    const free = (await demoStaff()).filter((person) => !person.postId && person.appRoles.length === 0);
    const pick = (grades: readonly string[], count: number) => free.filter((person) => grades.includes(person.grade)).slice(0, count);
    const seat =
      (role: TeamSeat['role']) =>
      (person: Staff): TeamSeat => ({ staffId: person.id, displayName: person.displayName, grade: person.grade, role });
    const seats = [
      ...pick(['director'], 1).map(seat('pm')),
      ...pick(['subsectionChief'], 1).map(seat('pl')),
      ...pick(['chief', 'staff'], 5).map(seat('member')),
    ];
    expect(checkTeamComposition(seats, FY2024_TEAM_RULES).errors).toEqual([]);
    expect(free.some((person) => person.grade === 'sectionChief')).toBe(true);
  });

  it('includes an HQ secretariat member in 政策企画課 and an admin', async () => {
    const staff = await demoStaff();
    const secretariat = staff.filter((person) => !person.postId && rolesOf(person, programme.bodies).secretariat);
    expect(secretariat.map((person) => person.unitId)).toContain('seisaku-kikaku-ka');
    expect(staff.filter((person) => rolesOf(person, programme.bodies).admin)).toHaveLength(1);
  });

  it('makes the council chair’s holder the chair of the council', async () => {
    const chair = (await demoStaff()).find((person) => person.postId === 'seisaku-kikaku-kacho')!;
    expect(rolesOf(chair, programme.bodies).chairOf).toEqual(['council']);
  });
});
