import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain-error.js';
import type { ProgressReport } from '../../shared/plan/project-team.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { cancelMeeting } from '../../shared/use-cases/meeting-convocation.js';
import { buildMeetingMaterials, callsOfAgendaItem, isProposalAgendaItem, latestReportFor } from '../../shared/use-cases/meeting-materials.js';
import { openPgliteStore } from '../support/test-store.js';
import { MATERIALS_MEETING_ID, PT_MEETING_ID, seedMaterials } from '../tab/support/materials-seed.js';
import { CALL, NOW, seedProgramme, STAFF } from '../tab/support/tab-world.js';

const report = (id: string, meetingId: string, at: string): ProgressReport => ({
  id,
  ptId: 'pt-1-4',
  meetingId,
  reportedAt: new Date(at),
  authorStaffId: 'pt-secretary',
  structure: '',
  schedule: '',
  progress: id,
  issues: '',
});

describe('which report and which calls the materials attach', () => {
  it('takes the newest report given for this meeting, else the PT’s newest', () => {
    const reports = [report('a', 'm-1', '2024-05-01T00:00:00Z'), report('b', 'm-1', '2024-05-03T00:00:00Z'), report('c', 'm-2', '2024-06-01T00:00:00Z')];
    expect(latestReportFor(reports, 'm-1')?.id).toBe('b');
    expect(latestReportFor(reports, 'm-9')?.id).toBe('c');
    expect(latestReportFor([], 'm-1')).toBeUndefined();
  });

  it('reads a general item that speaks of 提案 as the proposals item, with the calls it names or the year’s', () => {
    expect(isProposalAgendaItem({ title: '新規取組み項目の提案状況', kind: 'general' })).toBe(true);
    expect(isProposalAgendaItem({ title: 'その他', kind: 'general' })).toBe(false);
    expect(isProposalAgendaItem({ title: '提案型PTの進捗報告', kind: 'ptProgress', ptId: 'x' })).toBe(false);
    const other = { ...CALL, id: 'pt-theme', title: '提案型プロジェクトチームのテーマ募集' };
    const draft = { ...CALL, id: 'fy2025', fiscalYear: 2025, status: 'draft' as const };
    expect(callsOfAgendaItem({ title: '提案型プロジェクトチームのテーマ募集の結果', kind: 'general' }, [CALL, other], 2024).map((call) => call.id)).toEqual([
      'pt-theme',
    ]);
    expect(callsOfAgendaItem({ title: '提案状況', kind: 'general' }, [CALL, other, draft], 2024).map((call) => call.id)).toEqual([CALL.id, 'pt-theme']);
  });
});

describe('building the materials pack', () => {
  let ctx: UseCaseContext;
  beforeAll(async () => {
    ctx = { store: await openPgliteStore(), clock: new ManualClock(NOW), newId: () => 'unused' };
    await seedProgramme(ctx);
    await seedMaterials(ctx);
  });
  afterAll(() => ctx?.store.close());

  it('gives the cover, the numbered agenda with its attachments, and the attendance in Japanese', async () => {
    const materials = await buildMeetingMaterials(ctx, STAFF.secretary, MATERIALS_MEETING_ID);
    expect(materials).toMatchObject({
      title: '令和6年度 第3回 新たな行政経営への移行実現推進本部',
      when: '令和6年7月19日（金）10:00〜11:30',
      place: '第1委員会室',
    });
    expect(materials.agenda.map((item) => [item.number, item.kind])).toEqual([
      [1, 'ptProgress'],
      [2, 'ptProgress'],
      [3, 'proposals'],
      [4, 'general'],
    ]);
    const [first, second] = materials.agenda;
    expect(first).toMatchObject({ ptName: '1-4 行政手続きのデジタル化', report: { forThisMeeting: true, reportedOn: '令和6年5月10日（金）' } });
    expect(second).toMatchObject({ ptName: '1‐24 三層構造の見直し', report: undefined });
    expect(materials.attendees[0]).toEqual({ role: '本部長', position: '区長', name: '世田谷 太郎', answer: '出席' });
  });

  it('refuses others, and a meeting that has not been convened or was cancelled', async () => {
    await expect(buildMeetingMaterials(ctx, STAFF.author, MATERIALS_MEETING_ID)).rejects.toMatchObject({ code: 'materials.notAllowed' });
    await expect(buildMeetingMaterials(ctx, STAFF.secretary, 'nope')).rejects.toBeInstanceOf(DomainError);
    await cancelMeeting(ctx, STAFF.ptSecretary, PT_MEETING_ID);
    await expect(buildMeetingMaterials(ctx, STAFF.ptSecretary, PT_MEETING_ID)).rejects.toMatchObject({ code: 'materials.notConvened' });
  });
});
