import fs from 'node:fs/promises';
import path from 'node:path';
import holidayJp from '@holiday-jp/holiday_jp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY, type ProposalCall } from '../../shared/calls/proposal-call.js';
import { readCsv } from '../../shared/csv/csv-table.js';
import { DomainError, DomainErrors } from '../../shared/domain-error.js';
import { errorMessage } from '../../shared/i18n/error-messages.js';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import type { Milestone } from '../../shared/schedule/milestone.js';
import { ManualClock } from '../../shared/time/clock.js';
import { deadlineFromDate, instantAtJst, isBusinessDay } from '../../shared/time/index.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { rollOverFiscalYear } from '../../shared/use-cases/fiscal-year-rollover.js';
import { importProgramme, type ProgrammeEntities } from '../../shared/use-cases/programme-import.js';
import { exportProposalsCsv } from '../../shared/use-cases/proposal-export.js';
import { submitProposal } from '../../shared/use-cases/proposal-submission.js';
import { applyStaffImport, planStaffImport } from '../../shared/use-cases/staff-import.js';
import { STORE_VARIANTS } from '../support/test-store.js';

const PROGRAMME_DIR = path.resolve(import.meta.dirname, '../../shared/programme');
const FY2024_YAML = await fs.readFile(path.join(PROGRAMME_DIR, 'fy2024.yaml'), 'utf8');
const DEMO_STAFF_CSV = await fs.readFile(path.join(PROGRAMME_DIR, 'demo-staff.csv'), 'utf8');
const jst = (text: string) => new Date(`${text}+09:00`);

/** The FY2024 PT list in the document's order (２（２）), by id. */
const PT_IDS_IN_SOURCE_ORDER = ['pt-1-4', 'pt-1-5', 'pt-1-22', 'pt-1-24', 'pt-1-30', 'pt-1-38', 'pt-2-5', 'pt-2-24', 'pt-3-12', 'pt-4-2', 'pt-5-2', 'pt-5-13'];

const load = (yaml: string): ProgrammeEntities => toDomain(parseProgrammeFile(yaml));

/** Every audit row written for the programme's entities (the audit port is queried per entity). */
async function auditRowsFor(ctx: UseCaseContext, programme: ProgrammeEntities): Promise<number> {
  const entities: [string, readonly { id: string }[]][] = [
    ['unit', programme.units],
    ['post', programme.posts],
    ['body', programme.bodies],
    ['projectTeam', programme.projectTeams],
    ['practice', programme.practices],
    ['call', programme.calls],
    ['milestone', programme.milestones],
    ['plan', programme.plans],
    ['teamRules', programme.teamRules.map(({ fiscalYear }) => ({ id: `fy${fiscalYear}` }))],
  ];
  let rows = 0;
  for (const [entityType, items] of entities) {
    for (const { id } of items) rows += (await ctx.store.repositories.audit.listFor(entityType, id)).length;
  }
  return rows;
}

const entityCount = (programme: ProgrammeEntities) =>
  programme.units.length +
  programme.posts.length +
  programme.bodies.length +
  programme.projectTeams.length +
  programme.practices.length +
  programme.calls.length +
  programme.milestones.length +
  programme.plans.length +
  programme.teamRules.length;

describe.each(STORE_VARIANTS)('programme import, staff import, roll-over and export on $name', (variant) => {
  describe.skipIf(variant.skipReason !== undefined)(variant.skipReason ?? 'runs', () => {
    const clock = new ManualClock(jst('2024-04-01T09:00:00'));
    const programme = load(FY2024_YAML);
    let ctx: UseCaseContext;
    let counter = 0;
    beforeAll(async () => {
      ctx = { store: await variant.open(), clock, newId: () => `id-${++counter}` };
    });
    afterAll(() => ctx?.store.close());

    it('imports FY2024 into an empty store: 12 PTs in source order, 16 bodies (2 of them events), 13 practices, both calls, every milestone, the plan', async () => {
      expect(await ctx.store.repositories.bodies.list()).toEqual([]);
      const summary = await importProgramme(ctx, programme);
      expect(summary).toEqual({ created: entityCount(programme), updated: 0, unchanged: 0 });

      const repos = ctx.store.repositories;
      const pts = await repos.projectTeams.list();
      expect(pts.map((pt) => pt.id)).toEqual(PT_IDS_IN_SOURCE_ORDER);
      // Item numbers keep the document's spelling for display and are folded for matching.
      expect(pts.find((pt) => pt.id === 'pt-2-24')?.items).toEqual([{ chapter: 2, sequence: 24, key: '2-24', original: '2‐24' }]);
      expect(pts.find((pt) => pt.id === 'pt-3-12')?.items.map((item) => item.key)).toEqual(['3-12', '3-13']);
      expect((await repos.projectTeams.findByItemKey('3-13'))?.id).toBe('pt-3-12');

      const bodies = await repos.bodies.list();
      expect(bodies).toHaveLength(16);
      expect(bodies.filter((body) => body.kind === 'pt')).toHaveLength(12);
      expect(
        bodies
          .filter((body) => body.kind === 'event')
          .map((body) => body.id)
          .sort(),
      ).toEqual(['exchange-meeting', 'hearings']);
      expect(await repos.plans.list()).toHaveLength(1);
      expect((await repos.bodies.get('hq'))?.roster).toHaveLength(29);
      expect((await repos.bodies.get('council'))?.roster).toHaveLength(8);

      const practices = await repos.practices.list();
      expect(practices.map((practice) => practice.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      expect(practices.filter((practice) => practice.origin === 'external').map((practice) => practice.publisher)).toEqual(['総務省', '東京都']);

      const calls = await repos.calls.list();
      expect(calls.map((call) => call.id).sort()).toEqual(['fy2024-new-initiative', 'fy2024-pt-theme']);
      const newInitiative = await repos.calls.get('fy2024-new-initiative');
      expect(newInitiative?.tracks.map((track) => [track.kind, track.deadlineDate, track.closesAt.toISOString()])).toEqual([
        ['department', '2024-06-14', '2024-06-14T15:00:00.000Z'],
        ['individual', '2024-05-17', '2024-05-17T15:00:00.000Z'],
      ]);

      const milestones = await repos.milestones.list({ fiscalYear: 2024 });
      expect(milestones).toHaveLength(programme.milestones.length);
      expect(milestones.length).toBe(14);
      // The proposal-based PT schedule keeps the document's order, April after June included.
      const ptSchedule = await repos.milestones.list({ scheduleId: 'fy2024-proposal-pt-schedule' });
      expect(ptSchedule.map((m) => m.month)).toEqual(['2024-04', '2024-04', '2024-06', '2024-04', '2024-08', '2024-09']);

      expect(await auditRowsFor(ctx, programme)).toBe(entityCount(programme));
      const history = await repos.audit.listFor('projectTeam', 'pt-2-24');
      expect(history.map((entry) => entry.action)).toEqual(['import.created']);
    });

    it('re-imports the same file as unchanged only, writing no audit rows', async () => {
      const before = await auditRowsFor(ctx, programme);
      const summary = await importProgramme(ctx, load(FY2024_YAML));
      expect(summary).toEqual({ created: 0, updated: 0, unchanged: entityCount(programme) });
      expect(await auditRowsFor(ctx, programme)).toBe(before);
      expect(await ctx.store.repositories.projectTeams.list()).toHaveLength(12);
    });

    it('reports exactly one update when one PT topic changes, audited before → after', async () => {
      const topic = '代表電話・せたがやコールのあり方検討';
      expect(FY2024_YAML.split(topic)).toHaveLength(2);
      const edited = load(FY2024_YAML.replace(topic, '代表電話のあり方検討'));
      const summary = await importProgramme(ctx, edited);
      expect(summary).toEqual({ created: 0, updated: 1, unchanged: entityCount(programme) - 1 });
      const history = await ctx.store.repositories.audit.listFor('projectTeam', 'pt-1-4');
      expect(history.map((entry) => entry.action)).toEqual(['import.created', 'import.updated']);
      const update = history[1]!;
      expect((update.before as { topics: { text: string }[] }).topics[0]?.text).toBe(topic);
      expect((update.after as { topics: { text: string }[] }).topics[0]?.text).toBe('代表電話のあり方検討');
    });

    it('changing one PT title updates that PT (and the PT body whose name contains the title), nothing else', async () => {
      const title = 'オンライン相談・手続き支援の拡充';
      expect(FY2024_YAML.split(`title: ${title}`)).toHaveLength(2);
      // Start from the file as last imported (the previous test's topic edit stays), and change only the title.
      const asLastImported = FY2024_YAML.replace('代表電話・せたがやコールのあり方検討', '代表電話のあり方検討');
      const edited = load(asLastImported.replace(`title: ${title}`, 'title: オンライン相談・手続き支援の拡充と検証'));
      const summary = await importProgramme(ctx, edited);
      // The PT's body is named `2‐24 <title>`, so the one edit legitimately changes two records.
      expect(summary).toEqual({ created: 0, updated: 2, unchanged: entityCount(programme) - 2 });
      expect((await ctx.store.repositories.projectTeams.get('pt-2-24'))?.title).toBe('オンライン相談・手続き支援の拡充と検証');
      expect((await ctx.store.repositories.bodies.get('pt-2-24'))?.name).toBe('2‐24 オンライン相談・手続き支援の拡充と検証');
      expect((await ctx.store.repositories.audit.listFor('projectTeam', 'pt-2-24')).map((entry) => entry.action)).toEqual(['import.created', 'import.updated']);
      expect((await ctx.store.repositories.audit.listFor('body', 'pt-2-24')).map((entry) => entry.action)).toEqual(['import.created', 'import.updated']);

      // Importing the original file again puts the topic and the title back, and the store is as at first.
      expect(await importProgramme(ctx, programme)).toMatchObject({ created: 0, updated: 3 });
      expect(await importProgramme(ctx, programme)).toEqual({ created: 0, updated: 0, unchanged: entityCount(programme) });
    });

    it('imports the demo staff directory, then refuses a file with bad lines, reporting each line and changing nothing', async () => {
      const plan = await planStaffImport(ctx, DEMO_STAFF_CSV);
      const dataLines = DEMO_STAFF_CSV.trim().split('\n').length - 1;
      expect(plan).toHaveLength(dataLines);
      expect(plan.every((line) => line.outcome === 'created')).toBe(true);
      await applyStaffImport(ctx, plan);
      const repos = ctx.store.repositories;
      expect(await repos.staff.count()).toBe(dataLines);
      const kucho = await repos.staff.findByUpn('kucho@example.jp');
      expect(kucho).toMatchObject({ displayName: '山田 太郎', grade: 'special', postId: 'kucho' });

      // Re-reading the same file (now with a BOM, as Excel writes it) finds nothing to change.
      const again = await planStaffImport(ctx, '\uFEFF' + DEMO_STAFF_CSV);
      expect(again.every((line) => line.outcome === 'unchanged')).toBe(true);

      const bad = [
        'upn,display_name,grade,unit_id,post_id,app_roles,active',
        'kucho@example.jp,山田 太郎（改）,special,,kucho,,true', // line 2: a valid update…
        'new.person@example.jp,新規 職員,staff,somu-ka,,,true', // line 3: …and a valid new person
        'ghost@example.jp,幽霊 職員,director,,no-such-post,,true', // line 4: unknown post_id
        'typo@example.jp,誤記 職員,部長,somu-bu,,,true', // line 5: 部長 is a post title, not a grade
      ].join('\r\n');
      const error = await planStaffImport(ctx, bad).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DomainErrors);
      const problems = (error as DomainErrors).errors;
      expect(problems.map((problem) => [problem.code, problem.params.line])).toEqual([
        ['csv.invalid', 4],
        ['csv.invalid', 5],
      ]);
      expect(String(problems[0]?.params.details)).toContain('no-such-post');
      expect(String(problems[1]?.params.details)).toContain('部長');
      expect(errorMessage(problems[0]!, 'ja')).toMatch(/^CSVの4行目: /);
      expect(errorMessage(problems[1]!, 'en')).toMatch(/^CSV line 5: /);

      expect(await repos.staff.count()).toBe(dataLines);
      expect((await repos.staff.findByUpn('kucho@example.jp'))?.displayName).toBe('山田 太郎');
      expect(await repos.staff.findByUpn('new.person@example.jp')).toBeUndefined();
      expect(await repos.audit.listFor('staff', kucho!.id)).toHaveLength(1);
    });

    it('rolls FY2024 over to FY2025 as drafts on business days, and a second run creates nothing', async () => {
      const repos = ctx.store.repositories;
      // Two dated entries whose FY2025 day is a public holiday, to check the move against the calendar:
      // 2025-05-06 is a substitute holiday after 憲法記念日・みどりの日・こどもの日 (3–5 May, 3–4 a weekend);
      // 2025-09-23 is 秋分の日.
      const holidayCall: ProposalCall = {
        id: 'fy2024-holiday-check',
        kind: 'newInitiative',
        fiscalYear: 2024,
        title: '祝日確認用の募集',
        opensAt: instantAtJst('2024-04-30', 10, 30),
        tracks: [{ kind: 'department', channel: 'surveyForm', deadlineDate: '2024-05-06', closesAt: deadlineFromDate('2024-05-06') }],
        formFields: ['title', 'summary'],
        reminderPolicy: DEFAULT_REMINDER_POLICY,
        status: 'published',
        demo: false,
      };
      const datedMilestone: Milestone = {
        id: 'fy2024-holiday-schedule-01',
        scheduleId: 'fy2024-holiday-schedule',
        fiscalYear: 2024,
        sourceOrder: 1,
        month: '2024-09',
        date: '2024-09-23',
        kind: 'hearings',
        label: '祝日確認用のヒアリング',
        status: 'planned',
      };
      const demoCall: ProposalCall = { ...holidayCall, id: 'fy2024-demo-call', title: '【デモ】', demo: true };
      await ctx.store.transaction(async (tx) => {
        await tx.calls.upsert(holidayCall);
        await tx.calls.upsert(demoCall);
        await tx.milestones.upsert(datedMilestone);
      });
      expect(holidayJp.holidays['2025-05-06']?.name).toMatch(/振替休日/);
      expect(holidayJp.holidays['2025-05-05']?.name).toBe('こどもの日');
      expect(holidayJp.holidays['2025-09-23']?.name).toBe('秋分の日');

      clock.set(jst('2025-03-10T09:00:00'));
      const result = await rollOverFiscalYear(ctx, 2025);
      expect(result.calls.map((call) => call.id).sort()).toEqual(['fy2025-holiday-check', 'fy2025-new-initiative', 'fy2025-pt-theme']);
      expect(result.milestones).toHaveLength(programme.milestones.length + 1);
      expect(result.skippedIds).toEqual([]);

      const copied = await repos.calls.get('fy2025-new-initiative');
      expect(copied).toMatchObject({ fiscalYear: 2025, status: 'draft', title: '新規取組み項目の提案募集' });
      expect(copied?.opensAt.toISOString()).toBe(jst('2025-04-17T00:00:00').toISOString()); // a Thursday
      // 14 June 2025 and 17 May 2025 are Saturdays: moved back to the Friday before.
      expect(copied?.tracks.map((track) => [track.kind, track.deadlineDate])).toEqual([
        ['department', '2025-06-13'],
        ['individual', '2025-05-16'],
      ]);
      expect(copied?.tracks[0]?.closesAt.toISOString()).toBe(jst('2025-06-14T00:00:00').toISOString());

      const holiday = await repos.calls.get('fy2025-holiday-check');
      expect(holiday?.tracks[0]?.deadlineDate).toBe('2025-05-02'); // Tue holiday, Mon holiday, Sun, Sat → Fri 2 May
      expect(holiday?.tracks[0]?.closesAt.toISOString()).toBe(jst('2025-05-03T00:00:00').toISOString());
      expect(holiday?.opensAt.toISOString()).toBe(jst('2025-04-30T10:30:00').toISOString()); // business day, time kept
      expect(await repos.calls.get('fy2025-demo-call')).toBeUndefined(); // demo items are never rolled over

      const milestones = await repos.milestones.list({ fiscalYear: 2025 });
      expect(milestones).toHaveLength(programme.milestones.length + 1);
      expect(milestones.every((m) => m.status === 'draft')).toBe(true);
      expect(milestones.find((m) => m.id === 'fy2025-holiday-schedule-01')?.date).toBe('2025-09-22');
      const callCloses = milestones.find((m) => m.id === 'fy2025-new-initiative-schedule-01');
      expect(callCloses).toMatchObject({ month: '2025-06', callId: 'fy2025-new-initiative', scheduleId: 'fy2025-new-initiative-schedule' });
      for (const m of milestones) if (m.date) expect(isBusinessDay(m.date)).toBe(true);
      // The source year is untouched.
      expect((await repos.calls.get('fy2024-new-initiative'))?.status).toBe('published');
      expect(await repos.milestones.list({ fiscalYear: 2024 })).toHaveLength(programme.milestones.length + 1);
      expect((await repos.audit.listFor('call', 'fy2025-new-initiative')).map((entry) => entry.action)).toEqual(['rollover']);
      expect((await repos.audit.listFor('milestone', 'fy2025-new-initiative-schedule-01')).map((entry) => entry.action)).toEqual(['rollover']);

      const second = await rollOverFiscalYear(ctx, 2025);
      expect(second.calls).toEqual([]);
      expect(second.milestones).toEqual([]);
      expect(second.skippedIds).toHaveLength(3 + programme.milestones.length + 1);
      expect(await repos.calls.list({ fiscalYear: 2025 })).toHaveLength(3);
      expect(await repos.milestones.list({ fiscalYear: 2025 })).toHaveLength(programme.milestones.length + 1);
      expect(await repos.audit.listFor('call', 'fy2025-new-initiative')).toHaveLength(1);

      // There is nothing to copy into FY2030: a localised refusal, not an empty success.
      const refused = await rollOverFiscalYear(ctx, 2030).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('rollover.nothingToCopy');
    });

    it('exports proposals as UTF-8 CSV with BOM and CRLF, neutralising formula-like text', async () => {
      const repos = ctx.store.repositories;
      const author = await repos.staff.findByUpn('dx.shunin@example.jp');
      expect(author).toBeDefined();
      clock.set(jst('2024-05-10T10:00:00'));
      const base = { callId: 'fy2024-new-initiative', summary: '概要', expectedEffect: '効果' };
      await submitProposal(ctx, author!, { ...base, proposalId: 'p-formula', title: '=HYPERLINK("http://evil.example","開く")' });
      await submitProposal(ctx, author!, { ...base, proposalId: 'p-plus', title: '+81 電話窓口の集約', summary: '@SUM(A1:A9)' });
      await submitProposal(ctx, author!, { ...base, proposalId: 'p-plain', title: '窓口の予約制導入' });

      const { csv, count } = await exportProposalsCsv(ctx, undefined, { callId: 'fy2024-new-initiative' });
      expect(count).toBe(3);
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(csv.endsWith('\r\n')).toBe(true);
      const records = csv.split('\r\n');
      expect(records).toHaveLength(count + 2); // header, rows, and the empty string after the last CRLF
      expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/); // no bare LF or CR line ends

      const { header, rows } = readCsv(csv);
      expect(header[0]).toBe('受付番号');
      const byTitle = rows.map((row) => row.values);
      const titles = byTitle.map((row) => row['件名']);
      expect(titles).toContain(`'=HYPERLINK("http://evil.example","開く")`);
      expect(titles).toContain(`'+81 電話窓口の集約`);
      expect(titles).toContain('窓口の予約制導入');
      expect(byTitle.map((row) => row['概要'])).toContain(`'@SUM(A1:A9)`);
      for (const row of byTitle) {
        for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
        expect(row['提案者']).toBe('福田 葵');
        expect(row['受付番号']).toMatch(/^R6-新規-\d{3}$/);
      }
      // The English export has English headers and the same safety.
      const english = await exportProposalsCsv(ctx, undefined, { callId: 'fy2024-new-initiative', locale: 'en' });
      expect(english.csv.startsWith('\uFEFF"Receipt",')).toBe(true);
      expect(english.csv).toContain(`"'=HYPERLINK(""http://evil.example"",""開く"")"`);
    });
  });
});
