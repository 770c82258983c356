import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { rankedViceChairs, whoPresides } from '../../../shared/bodies/acting-chair.js';
import { chairEntry, type Body } from '../../../shared/bodies/body.js';
import { assertTrackOpen, isCallOpen, isTrackOpen, type ProposalCall } from '../../../shared/calls/proposal-call.js';
import { DomainError } from '../../../shared/domain-error.js';
import { parseItemNumber } from '../../../shared/plan/item-number.js';
import { coversItem, displayItemNumbers, type ProjectTeam } from '../../../shared/plan/project-team.js';
import { parseProgrammeFile, toDomain, toTeamRules } from '../../../shared/programme/programme-loader.js';
import { FY2024_TEAM_RULES } from '../../../shared/recruitment/team-composition.js';
import { outOfOrderMilestones } from '../../../shared/schedule/milestone.js';
import { instantAtJst } from '../../../shared/time/index.js';
import { PROGRAMME, PROGRAMME_YAML } from './programme-fixture.js';

const domain = toDomain(PROGRAMME);
const body = (id: string): Body => domain.bodies.find((candidate) => candidate.id === id)!;
const call = (id: string): ProposalCall => domain.calls.find((candidate) => candidate.id === id)!;
const postTitle = (id: string | undefined) => domain.posts.find((post) => post.id === id)?.title;
const teamFor = (text: string): ProjectTeam | undefined => domain.projectTeams.find((team) => coversItem(team, parseItemNumber(text).key));

/** The plain-object form of the programme file, as far as the edits below reach into it. */
interface RawProgramme {
  pts: (Record<string, unknown> & { items: unknown[]; members: unknown[] })[];
  calls: Record<string, unknown>[];
}

/** Parses the shipped file after `edit` changed its plain-object form. */
function parseEdited(edit: (file: RawProgramme) => void) {
  const raw = parse(PROGRAMME_YAML) as RawProgramme;
  edit(raw);
  return () => parseProgrammeFile(stringify(raw));
}

describe('the FY2024 programme file', () => {
  it('parses and maps every section of the document', () => {
    expect(domain.posts).toHaveLength(33);
    expect(body('hq').roster).toHaveLength(29);
    expect(body('council').roster).toHaveLength(8);
    expect(domain.practices).toHaveLength(13);
    expect(domain.calls.map((c) => c.id)).toEqual(['fy2024-new-initiative', 'fy2024-pt-theme']);
  });

  it('lists the 12 PTs in source order, 【参考】 three-layer ones in the middle', () => {
    expect(domain.projectTeams.map(displayItemNumbers)).toEqual([
      '1-4',
      '1-5',
      '1-22',
      '1-24',
      '1-30',
      '1-38',
      '2-5',
      '2\u201024',
      '3-12/3\u201013',
      '4-2',
      '5-2',
      '5-13',
    ]);
    expect(domain.projectTeams.map((team) => team.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(domain.projectTeams.filter((team) => team.category === 'threeLayer').map((team) => team.id)).toEqual(['pt-1-24', 'pt-1-30', 'pt-1-38']);
  });

  it('gives every PT its own body, convened by its secretariat', () => {
    for (const team of domain.projectTeams) {
      expect(body(team.bodyId)).toMatchObject({ kind: 'pt', secretariatUnitIds: team.secretariatUnitIds, secretariatMayConvene: true });
    }
  });

  it('finds a PT by folded item number: ２‐２４, 2-24 and 3-13', () => {
    expect(teamFor('２‐２４')?.id).toBe('pt-2-24');
    expect(teamFor('2-24')?.id).toBe('pt-2-24');
    expect(teamFor('3-13')?.id).toBe('pt-3-12');
    expect(teamFor('３－１２')?.id).toBe('pt-3-12');
    expect(teamFor('9-99')).toBeUndefined();
  });

  it('keeps the printed spelling of each item number for display', () => {
    expect(teamFor('2-24')?.items[0]).toEqual({ chapter: 2, sequence: 24, key: '2-24', original: '2\u201024' });
  });

  it('leaves the units of 4-2 and 5-2 unassigned instead of guessing', () => {
    for (const item of ['4-2', '5-2']) {
      const team = teamFor(item)!;
      expect(team.secretariatUnitIds).toEqual([]);
      expect(team.memberUnitIds).toEqual([]);
      expect(team.unassignedUnitIds).toContain('seisaku-kikaku-ka');
    }
  });

  it('marks open-ended member lists (など) and keeps the 5-13 note', () => {
    expect(domain.projectTeams.filter((team) => team.membersOpenEnded).map(displayItemNumbers)).toEqual(['1-5', '1-38', '2\u201024', '5-13']);
    expect(teamFor('5-13')?.notes[0]).toContain('既存の検討部会');
  });

  it('marks 12 and 13 as external practices by 総務省 and 東京都', () => {
    expect(domain.practices.filter((p) => p.origin === 'external').map((p) => [p.number, p.publisher])).toEqual([
      [12, '総務省'],
      [13, '東京都'],
    ]);
  });
});

describe('bodies', () => {
  it('makes 政策企画課長 the chair of the promotion council', () => {
    expect(postTitle(chairEntry(body('council'))?.postId)).toBe('政策企画課長');
  });

  it('keeps the summary’s title 経営改革・行政手法改革担当課長 as an alias of the guideline’s', () => {
    const post = domain.posts.find((p) => p.id === 'kanmin-renkei-kacho')!;
    expect(post.title).toBe('官民連携・行政手法改革担当課長');
    expect(post.aliases).toEqual(['経営改革・行政手法改革担当課長']);
    expect(body('council').roster.map((entry) => entry.postId)).toContain('kanmin-renkei-kacho');
  });

  it('lets the 1st-rank deputy mayor act for an absent mayor, then the 2nd and 3rd, then the superintendent', () => {
    const hq = body('hq');
    expect(postTitle(chairEntry(hq)?.postId)).toBe('区長');
    expect(rankedViceChairs(hq).map((entry) => entry.postId)).toEqual(['fukukucho-1', 'fukukucho-2', 'fukukucho-3', 'kyoikucho']);
    expect(whoPresides(hq, (postId) => postId !== 'kucho')).toEqual({ postId: 'fukukucho-1', basis: 'guideline' });
  });

  it('has 政策企画課長 moderate HQ, whose paperwork 政策企画課 does', () => {
    expect(
      body('hq')
        .roster.filter((entry) => entry.moderator)
        .map((entry) => entry.postId),
    ).toEqual(['seisaku-kikaku-kacho']);
    expect(body('hq').secretariatUnitIds).toEqual(['seisaku-kikaku-ka']);
    expect(body('council').secretariatMayConvene).toBe(false);
  });
});

describe('the new-initiative call', () => {
  const newInitiative = call('fy2024-new-initiative');

  it('opens on 17 April at the department heads’ meeting', () => {
    expect(isCallOpen(newInitiative, instantAtJst('2024-04-16', 23, 59))).toBe(false);
    expect(isCallOpen(newInitiative, instantAtJst('2024-04-17', 9, 0))).toBe(true);
  });

  it('accepts an individual proposal at 23:59 JST on 17 May and refuses it at midnight', () => {
    expect(isTrackOpen(newInitiative, 'individual', instantAtJst('2024-05-17', 23, 59))).toBe(true);
    expect(isTrackOpen(newInitiative, 'individual', instantAtJst('2024-05-18', 0, 0))).toBe(false);
    expect(() => assertTrackOpen(newInitiative, 'individual', instantAtJst('2024-05-18'))).toThrowError(/call\.closed.*2024-05-17/);
  });

  it('accepts department proposals for the whole of 14 June JST', () => {
    expect(isTrackOpen(newInitiative, 'department', instantAtJst('2024-06-14', 23, 59))).toBe(true);
    expect(isTrackOpen(newInitiative, 'department', instantAtJst('2024-06-15', 0, 0))).toBe(false);
    expect(newInitiative.tracks.find((t) => t.kind === 'department')?.closesAt.toISOString()).toBe('2024-06-14T15:00:00.000Z');
  });
});

describe('the proposal-based PT theme call and schedules', () => {
  it('keeps the month-only theme call as a draft nobody can use yet', () => {
    const theme = call('fy2024-pt-theme');
    expect(theme.status).toBe('draft');
    expect(isCallOpen(theme, instantAtJst('2024-05-15', 12, 0))).toBe(false);
    expect(PROGRAMME.calls[1]?.opens).toMatchObject({ month: '2024-04' });
  });

  it('keeps the schedule in document order and flags the April step listed after June', () => {
    const schedule = domain.milestones.filter((m) => m.scheduleId === 'fy2024-proposal-pt-schedule');
    expect(schedule.map((m) => m.month)).toEqual(['2024-04', '2024-04', '2024-06', '2024-04', '2024-08', '2024-09']);
    expect(outOfOrderMilestones(schedule).map((m) => m.label)).toEqual(['プロジェクト内容の調整']);
  });

  it('states the team rules the recruitment code enforces', () => {
    expect(toTeamRules(PROGRAMME)).toEqual(FY2024_TEAM_RULES);
  });
});

describe('importing', () => {
  it('maps the same file to equal output twice, so a re-import is a no-op', () => {
    expect(toDomain(parseProgrammeFile(PROGRAMME_YAML))).toEqual(toDomain(PROGRAMME));
  });

  it('gives stable ids derived from the file', () => {
    expect(domain.milestones[0]?.id).toBe('fy2024-pt-progress-schedule-01');
    expect(domain.practices[11]?.id).toBe('fy2024-practice-12');
  });
});

describe('a broken programme file', () => {
  const failure = (run: () => unknown): DomainError => {
    try {
      run();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a DomainError');
  };

  it('names a missing PT title', () => {
    const error = failure(parseEdited((file) => delete file.pts[3]!.title));
    expect(error.code).toBe('programme.invalid');
    expect(error.field).toBe('pts[3].title');
    expect(error.message).toContain('pts[3].title');
  });

  it('names an item number that is not one', () => {
    expect(failure(parseEdited((file) => (file.pts[3]!.items[0] = 'PT'))).field).toBe('pts[3].items[0]');
  });

  it('names a member unit that does not exist', () => {
    expect(failure(parseEdited((file) => (file.pts[0]!.members[1] = 'no-such-unit'))).field).toBe('pts[0].members[1]');
  });

  it('names a misspelt key', () => {
    expect(failure(parseEdited((file) => (file.pts[2]!.secretariatt = []))).message).toContain('pts[2]');
  });

  it('refuses to publish a call whose dates have no day', () => {
    expect(failure(parseEdited((file) => (file.calls[1]!.status = 'published'))).field).toBe('calls[1].status');
  });

  it('takes a call’s own reminder days and hour, and refuses an hour that is not one', () => {
    const edited = parseEdited((file) => (file.calls[0]!.reminders = { offsetsDays: [10, 5, 1], hourJst: 8 }))();
    expect(toDomain(edited).calls[0]?.reminderPolicy).toEqual({ offsetsDays: [10, 5, 1], hourJst: 8 });
    expect(failure(parseEdited((file) => (file.calls[0]!.reminders = { offsetsDays: [1], hourJst: 25 }))).field).toBe('calls[0].reminders.hourJst');
  });

  it('reports the line of a YAML syntax error', () => {
    expect(failure(() => parseProgrammeFile('version: 1\npts: [\n')).message).toMatch(/YAML line \d+/);
  });
});
