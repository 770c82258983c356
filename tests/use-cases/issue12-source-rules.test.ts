import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '../../shared/organisation/staff.js';
import { searchProjectTeams } from '../../shared/plan/project-team-search.js';
import { topicLeadOf } from '../../shared/plan/project-team.js';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import { findTraps, findSourceTextTraps } from '../../shared/programme/trap-report.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { conveneMeeting } from '../../shared/use-cases/meeting-convocation.js';
import { completeProgrammeData } from '../../shared/use-cases/programme-import.js';
import { addProgressReport } from '../../shared/use-cases/pt-progress.js';
import { openProgrammeContext } from '../support/programme-store.js';

const YAML = fs.readFileSync(path.resolve(import.meta.dirname, '../../shared/programme/fy2024.yaml'), 'utf8');
const FILE = parseProgrammeFile(YAML);
const NOW = new Date('2024-06-20T00:00:00Z');

describe('issue 12, rules 7–9: what the document states, kept, shown and searchable', { timeout: 120_000 }, () => {
  let ctx: UseCaseContext;
  let secretary: Staff;
  beforeAll(async () => {
    ctx = await openProgrammeContext(new ManualClock(NOW));
    secretary = (await ctx.store.repositories.staff.findByUpn('seisaku-kikaku.jimukyoku@example.jp'))!;
  });
  afterAll(() => ctx?.store.close());

  describe('rule 7: what the loader used to read and drop', () => {
    it('要綱 第１条・附則: keeps the plan period 令和６〜９年度 and the guideline in force from 2024-04-01', async () => {
      const plan = await ctx.store.repositories.plans.get('plan-fy2024');
      expect(plan).toMatchObject({
        name: '新たな行政経営への移行実現プラン',
        fromFiscalYear: 2024,
        toFiscalYear: 2027,
        periodAsPrinted: '令和６年度から令和９年度',
        guideline: { name: '新たな行政経営への移行実現推進本部設置要綱', effectiveFrom: '2024-04-01', asPrinted: '令和６年４月１日から施行する' },
      });
    });

    it('５（４）: keeps the three perspectives and their ねらい word for word', async () => {
      const plan = await ctx.store.repositories.plans.get('plan-fy2024');
      expect(plan?.perspectives).toEqual([
        {
          id: 'crossCutting',
          viewpoint: 'テーマが複数の所管課にまたがり、横断的な取組みが必要なもの',
          aim: 'プロジェクト化することで柔軟かつ機動的に事業を進めるとともに、職員が庁内・庁外の様々な関係者とかかわる経験の機会を拡充する。',
        },
        {
          id: 'newBusiness',
          viewpoint: '各所管課の課題解決に向けた新規事業立ち上げに関するもの',
          aim: '様々な職員の柔軟な発想を新たな事業の展開に活かすとともに、新規事業の企画・立案にかかわる経験の機会を拡充する。',
        },
        {
          id: 'renewal',
          viewpoint: '各所管課の既存事業のリニューアルに関するもの',
          aim: '様々な職員の柔軟な発想により事業の刷新・リニューアルを図るとともに、時代の変化に対応した事業の見直しにかかわる経験の機会を拡充する。',
        },
      ]);
    });

    it('要綱 第２条: keeps HQ’s 所掌事項 as numbered there, and its effective date', async () => {
      const hq = await ctx.store.repositories.bodies.get('hq');
      expect(hq?.remit).toEqual([
        { number: 1, text: '「新たな行政経営への移行実現プラン」に関すること。' },
        { number: 2, text: '新たな行政経営への移行の推進に関すること。' },
        { number: 3, text: '前２号に掲げるもののほか、新たな行政経営への移行の推進に必要な事項' },
      ]);
      expect(hq?.effectiveFrom).toBe('2024-04-01');
      expect((await ctx.store.repositories.bodies.get('council'))?.purpose).toBe('本部へ報告する事項を調査し、検討するため、推進会議を設置する。');
    });

    it('２（２） 5-13 note: keeps 災害対策課 as the lead of topics ① 在宅避難の推進 and ⑥ 物資供給体制の整備', async () => {
      const team = (await ctx.store.repositories.projectTeams.get('pt-5-13'))!;
      expect(team.topics.filter((topic) => topicLeadOf(team, topic.number) === 'saigai-taisaku-ka').map((topic) => topic.text)).toEqual([
        '在宅避難の推進',
        '物資供給体制の整備',
      ]);
      expect(topicLeadOf(team, 2)).toBeUndefined();
    });

    it('gives a database imported before the plan record existed what it lacks, keeps edits, and is idempotent', async () => {
      const repos = ctx.store.repositories;
      const hq = (await repos.bodies.get('hq'))!;
      const { remit: _remit, effectiveFrom: _effective, ...older } = hq;
      await repos.bodies.upsert({ ...older, nameEn: 'HQ (edited by an administrator)' });
      const team = (await repos.projectTeams.get('pt-5-13'))!;
      const { topicLeads: _leads, ...olderTeam } = team;
      await repos.projectTeams.upsert(olderTeam);
      const written = await completeProgrammeData(ctx, toDomain(FILE));
      expect(written).toBe(2);
      expect(await repos.bodies.get('hq')).toMatchObject({ nameEn: 'HQ (edited by an administrator)', effectiveFrom: '2024-04-01', remit: hq.remit });
      expect((await repos.projectTeams.get('pt-5-13'))?.topicLeads).toEqual(team.topicLeads);
      expect(await completeProgrammeData(ctx, toDomain(FILE))).toBe(0);
      await repos.bodies.upsert(hq);
    });
  });

  describe('rule 8: what the document has and the app did not model', () => {
    it('４（４） 各課ヒアリング・特別職と各部長との意見交換会: both are bodies the secretariat schedules, on the schedule', async () => {
      const repos = ctx.store.repositories;
      expect(await repos.bodies.get('hearings')).toMatchObject({
        kind: 'event',
        name: '各課ヒアリング',
        roster: [],
        secretariatUnitIds: ['seisaku-kikaku-ka'],
      });
      expect(await repos.bodies.get('exchange-meeting')).toMatchObject({ kind: 'event', name: '特別職と各部長との意見交換会' });
      const milestones = await repos.milestones.list({ scheduleId: 'fy2024-new-initiative-schedule' });
      expect(milestones.filter((milestone) => milestone.bodyId).map((milestone) => [milestone.kind, milestone.bodyId, milestone.month])).toEqual([
        ['hearings', 'hearings', '2024-07'],
        ['exchangeMeeting', 'exchange-meeting', '2024-07'],
      ]);
    });

    it('２（３）: a PT’s progress report attaches to the exchange meeting as to an HQ meeting', async () => {
      const meeting = await conveneMeeting(ctx, secretary, {
        meetingId: 'exchange-2024-07',
        bodyId: 'exchange-meeting',
        startsAt: new Date('2024-07-24T05:00:00Z'),
        endsAt: new Date('2024-07-24T07:00:00Z'),
        agenda: [{ title: '1-4 お問合せセンター運営業務の再構築 進捗報告', kind: 'ptProgress', ptId: 'pt-1-4' }],
        guests: [],
      });
      expect(meeting).toMatchObject({ bodyId: 'exchange-meeting', status: 'convened', convenedByStaffId: secretary.id });
      const report = await addProgressReport(ctx, secretary, {
        reportId: 'r-exchange',
        ptId: 'pt-1-4',
        meetingId: meeting.id,
        structure: '',
        schedule: '',
        progress: '代表電話のあり方を検討中',
        issues: '',
      });
      expect(report).toMatchObject({ ptId: 'pt-1-4', meetingId: 'exchange-2024-07' });
    });

    it('３（１）※ 実施・運用開始予定: practices carry a status; the document marks none of the 13 as planned', async () => {
      const practices = await ctx.store.repositories.practices.list({ fiscalYear: 2024 });
      expect(practices).toHaveLength(13);
      expect(new Set(practices.map((practice) => practice.status))).toEqual(new Set(['operating']));
      const planned = toDomain(
        parseProgrammeFile(
          YAML.replace(
            '{ number: 3, title: 生成ＡＩを活用した業務改革, origin: internal, tags: [生成ＡＩ] }',
            '{ number: 3, title: 生成ＡＩを活用した業務改革, origin: internal, tags: [生成ＡＩ], status: planned }',
          ),
        ),
      );
      expect(planned.practices.find((practice) => practice.number === 3)?.status).toBe('planned');
    });
  });

  describe('rule 9: traps the report used to miss', () => {
    it('ＰＴ一覧 1-4 お問合せ / 問い合わせ: PT search finds 1-4 by either spelling, and by 問合せ or お問い合わせ', async () => {
      const teams = await ctx.store.repositories.projectTeams.list();
      for (const query of ['お問合せ', '問い合わせ', 'お問い合わせ', '問合せ', '問い合せ', 'ｾﾝﾀｰ 問い合わせ']) {
        expect(
          searchProjectTeams(teams, query).map((team) => team.id),
          query,
        ).toEqual(['pt-1-4']);
      }
      expect(searchProjectTeams(teams, '手続き').map((team) => team.id)).toEqual(['pt-2-5', 'pt-2-24']);
    });

    it('ＰＴ一覧 1-4 and 好事例 7: the report computes the okurigana variants the document mixes', () => {
      const traps = findTraps(FILE).filter((trap) => trap.code === 'text.okuriganaVariants');
      expect(traps.map((trap) => trap.params?.word)).toEqual(['問合せ', '手続']);
      expect(traps[0]).toMatchObject({ where: 'pts[0].title, pts[0].topics[1].text', params: { spellings: '「問合せ」「問い合わせ」' } });
    });

    it('page headers (１ …設置について, ２ 令和６年度ＰＴの設置について): repeated headers are computed, from the file and from the source text', () => {
      const repeated = findTraps(FILE).filter((trap) => trap.code === 'layout.repeatedPageHeader');
      expect(repeated.map((trap) => [trap.params?.header, trap.params?.count])).toEqual([
        ['１ 新たな行政経営への移行実現推進本部の設置について', 2],
        ['２ 令和６年度ＰＴの設置について', 4],
        ['５ 提案型プロジェクトチーム制度について', 3],
      ]);
      const source = ' ２ 令和６年度ＰＴの設置について\n本文\n\n２ 令和６年度ＰＴの設置について\n（２） 一覧 （続き）\n３ 好事例・先進事例の紹介について\n';
      expect(findSourceTextTraps(source, 'source.txt').map((trap) => trap.params)).toEqual([
        { header: '２ 令和６年度ＰＴの設置について', count: 2, lines: '1, 4' },
      ]);
      const leaked = parseProgrammeFile(YAML.replace('title: 地区・地域防災力の強化', 'title: 地区・地域防災力の強化 ２ 令和６年度ＰＴの設置について'));
      expect(
        findTraps(leaked)
          .filter((trap) => trap.code === 'text.pageHeaderInText')
          .map((trap) => trap.where),
      ).toEqual(['pts[11].title']);
    });

    it('別表 ＤⅩ: a Roman-numeral Ⅹ is reported; in a name with no alias spelt with letters it is a trap', () => {
      const traps = findTraps(FILE);
      expect(traps.filter((trap) => trap.code === 'name.romanNumeral')).toHaveLength(3);
      expect(traps.filter((trap) => trap.code === 'name.romanNumeralNoAlias')).toEqual([]);
      const withoutAlias = parseProgrammeFile(
        YAML.replace('{ id: jinji-ka, name: 人事課, kind: section }', '{ id: jinji-ka, name: ＤⅩ人事課, kind: section }'),
      );
      expect(findTraps(withoutAlias).filter((trap) => trap.code === 'name.romanNumeralNoAlias')).toMatchObject([
        { params: { name: 'ＤⅩ人事課', folded: 'DX人事課' } },
      ]);
    });
  });
});
