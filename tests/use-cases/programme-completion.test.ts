import { describe, expect, it } from 'vitest';
import { expectsUnit } from '../../shared/plan/project-team.js';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import { FY2024_TEAM_RULES } from '../../shared/recruitment/team-composition.js';
import { ManualClock } from '../../shared/time/clock.js';
import { completeProgrammeData, importProgramme } from '../../shared/use-cases/programme-import.js';
import { PROGRAMME_YAML } from '../support/programme-store.js';
import { openPgliteStore } from '../support/test-store.js';

/**
 * A database imported before team rules, unit coverage and printed names were kept: each start
 * completes it (server/bootstrap.ts) without overwriting what a person changed.
 */
describe('a database from an earlier version gets the team rules and who each PT expects', () => {
  it('completes it once, keeps an administrator’s edits, and then changes nothing', async () => {
    const store = await openPgliteStore();
    const ctx = { store, clock: new ManualClock(new Date('2024-05-10T10:00:00+09:00')), newId: () => 'x' };
    const programme = toDomain(parseProgrammeFile(PROGRAMME_YAML));
    // What the earlier version stored: no team rules, no coverage, no expected units, no printed names.
    await importProgramme(ctx, {
      ...programme,
      teamRules: [],
      units: programme.units.map(({ covers: _covers, ...unit }) => unit),
      projectTeams: programme.projectTeams.map(({ expectedUnitIds: _expected, printedNames: _printed, ...team }) => team),
    });
    const before = await store.repositories.projectTeams.get('pt-1-38');
    expect(expectsUnit(before!, 'chiiki-shinko-ka-setagaya')).toBe(false);
    // An administrator resolved 4-2's unassigned units meanwhile; that must survive.
    const fourTwo = await store.repositories.projectTeams.get('pt-4-2');
    await store.repositories.projectTeams.upsert({
      ...fourTwo!,
      unassignedUnitIds: [],
      memberUnitIds: [...fourTwo!.memberUnitIds, ...fourTwo!.unassignedUnitIds],
    });

    expect(await completeProgrammeData(ctx, programme)).toBeGreaterThan(0);
    expect(await store.repositories.recruitment.getTeamRules(2024)).toEqual(FY2024_TEAM_RULES);
    const after = await store.repositories.projectTeams.get('pt-1-38');
    expect(expectsUnit(after!, 'chiiki-shinko-ka-setagaya')).toBe(true);
    expect(after?.printedNames).toEqual({ 'shisho-chiiki-shinko-ka': '各支所地域振興課' });
    expect((await store.repositories.projectTeams.get('pt-4-2'))?.unassignedUnitIds).toEqual([]);

    expect(await completeProgrammeData(ctx, programme)).toBe(0);
    await store.close();
  });
});
