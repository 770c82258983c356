import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { HQ } from './support/tab-world.js';
import { useTabApi } from './support/tab-api-session.js';

const FY2024 = toDomain(parseProgrammeFile(fs.readFileSync(path.resolve(import.meta.dirname, '../../shared/programme/fy2024.yaml'), 'utf8')));
const fromFile = <T extends { id: string }>(list: readonly T[], id: string): T => list.find((entry) => entry.id === id)!;

/** The seeded world plus what the FY2024 file states: the plan, HQ's 所掌事項, 1-4 and 5-13 as printed, the events. */
async function seedFromDocument(ctx: UseCaseContext): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    for (const plan of FY2024.plans) await tx.plans.upsert(plan);
    const hq = fromFile(FY2024.bodies, 'hq');
    await tx.bodies.upsert({
      ...HQ,
      guideline: hq.guideline,
      effectiveFrom: hq.effectiveFrom,
      purpose: hq.purpose,
      remit: hq.remit,
      remitSource: hq.remitSource,
    });
    await tx.units.upsert(fromFile(FY2024.units, 'saigai-taisaku-ka'));
    for (const id of ['pt-1-4', 'pt-5-13']) {
      await tx.bodies.upsert(fromFile(FY2024.bodies, id));
      await tx.projectTeams.upsert(fromFile(FY2024.projectTeams, id));
    }
    for (const id of ['hearings', 'exchange-meeting']) await tx.bodies.upsert(fromFile(FY2024.bodies, id));
  });
}

describe('issue 12 rules 7–9 through the tab API', () => {
  const { call } = useTabApi(seedFromDocument);

  it('要綱 第１条・附則・５（４）: GET /api/v1/plan gives the period, the commencement and the perspectives as printed', async () => {
    const plan = (await call('author', 'GET', '/api/v1/plan')).json();
    expect(plan).toMatchObject({
      name: '新たな行政経営への移行実現プラン',
      fromFiscalYear: 2024,
      toFiscalYear: 2027,
      guideline: { effectiveFrom: '2024-04-01' },
    });
    expect(plan.perspectives.map((perspective: { viewpoint: string }) => perspective.viewpoint)).toEqual([
      'テーマが複数の所管課にまたがり、横断的な取組みが必要なもの',
      '各所管課の課題解決に向けた新規事業立ち上げに関するもの',
      '各所管課の既存事業のリニューアルに関するもの',
    ]);
    expect((await call('author', 'GET', '/api/v1/plan?fiscalYear=2031')).status).toBe(404);
    expect((await call('author', 'GET', '/api/v1/plan?fiscalYear=abc')).status).toBe(400);
  });

  it('要綱 第２条: GET /api/v1/bodies/hq gives HQ’s 所掌事項, its effective date and roster; an unknown body is a localised 404', async () => {
    const hq = (await call('author', 'GET', '/api/v1/bodies/hq')).json();
    expect(hq).toMatchObject({ id: 'hq', effectiveFrom: '2024-04-01', remitSource: '新たな行政経営への移行実現推進本部設置要綱 第２条' });
    expect(hq.remit.map((item: { text: string }) => item.text)).toEqual([
      '「新たな行政経営への移行実現プラン」に関すること。',
      '新たな行政経営への移行の推進に関すること。',
      '前２号に掲げるもののほか、新たな行政経営への移行の推進に必要な事項',
    ]);
    expect(hq.roster[0]).toMatchObject({ postId: 'kucho', title: '区長', role: 'chair' });
    const missing = await call('author', 'GET', '/api/v1/bodies/no-such-body');
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.json())).toMatch(/見つかりません/);
  });

  it('２（２） 5-13: the PT page names 災害対策課 as the lead of topics ① and ⑥', async () => {
    const team = (await call('author', 'GET', '/api/v1/project-teams/pt-5-13')).json();
    expect(team.topics.map((topic: { number: number; lead?: { name: string } }) => [topic.number, topic.lead?.name])).toEqual([
      [1, '災害対策課'],
      [2, undefined],
      [3, undefined],
      [4, undefined],
      [5, undefined],
      [6, '災害対策課'],
    ]);
  });

  it('ＰＴ一覧 1-4: ?q= finds 1-4 by お問合せ, 問い合わせ and お問い合わせ alike', async () => {
    for (const q of ['お問合せ', '問い合わせ', 'お問い合わせ', '問合せ']) {
      const found = (await call('author', 'GET', `/api/v1/project-teams?q=${encodeURIComponent(q)}`)).json();
      expect(
        found.map((team: { id: string }) => team.id),
        q,
      ).toEqual(['pt-1-4']);
    }
    expect((await call('author', 'GET', `/api/v1/project-teams?q=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it('２（３）・４（４）: the secretariat schedules the exchange meeting with PT progress on it; a PT report can be tied to it; others are refused', async () => {
    const exchange = {
      meetingId: 'exchange-1',
      bodyId: 'exchange-meeting',
      startsAt: '2024-07-24T14:00:00+09:00',
      endsAt: '2024-07-24T16:00:00+09:00',
      ptProgress: ['pt-1-4'],
    };
    expect((await call('author', 'POST', '/api/v1/meetings', { ...exchange, meetingId: 'exchange-x' })).status).toBe(403);
    const created = await call('secretary', 'POST', '/api/v1/meetings', exchange);
    expect(created.status).toBe(201);
    const bodies = (await call('secretary', 'GET', '/api/v1/bodies')).json();
    expect(
      bodies
        .filter((body: { kind: string; mayConvene: boolean }) => body.kind === 'event' && body.mayConvene)
        .map((body: { id: string }) => body.id)
        .sort(),
    ).toEqual(['exchange-meeting', 'hearings']);
    const team = (await call('secretary', 'GET', '/api/v1/project-teams/pt-1-4')).json();
    expect(team.reportableMeetings.map((meeting: { id: string }) => meeting.id)).toContain('exchange-1');
    const report = await call('secretary', 'POST', '/api/v1/project-teams/pt-1-4/progress-reports', {
      reportId: 'r-ex',
      meetingId: 'exchange-1',
      structure: '',
      schedule: '',
      progress: '代表電話のあり方を検討',
      issues: '',
    });
    expect(report.status).toBe(201);
    expect((await call('author', 'GET', '/api/v1/meetings')).json().map((meeting: { id: string }) => meeting.id)).toContain('exchange-1');
  });

  it('３（１）※: practices come with their status (運用中 unless 実施・運用開始予定)', async () => {
    const practices = (await call('author', 'GET', '/api/v1/practices')).json();
    expect(practices.length).toBeGreaterThan(0);
    expect(new Set(practices.map((practice: { status: string }) => practice.status))).toEqual(new Set(['operating']));
  });
});
