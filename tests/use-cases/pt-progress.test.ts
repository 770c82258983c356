import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, DomainErrors } from '../../shared/domain-error.js';
import { errorMessage } from '../../shared/i18n/error-messages.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { addProgressReport, type ProgressReportInput } from '../../shared/use-cases/pt-progress.js';
import { cancelMeeting, conveneMeeting } from '../../shared/use-cases/meeting-convocation.js';
import { openPgliteStore } from '../support/test-store.js';
import { HQ_MEETING, NOW, seedProgramme, STAFF } from '../tab/support/tab-world.js';

const report = (reportId: string, overrides: Partial<ProgressReportInput> = {}): ProgressReportInput => ({
  reportId,
  ptId: 'pt-1-4',
  meetingId: HQ_MEETING.id,
  structure: 'ＤＸ推進担当課を事務局に3課で構成',
  schedule: '7月に中間報告',
  progress: '申請手続きの棚卸しを完了',
  issues: '所管課の人員不足',
  ...overrides,
});

describe('PT progress reports', () => {
  let ctx: UseCaseContext;
  beforeAll(async () => {
    ctx = { store: await openPgliteStore(), clock: new ManualClock(NOW), newId: () => 'unused' };
    await seedProgramme(ctx);
  });
  afterAll(() => ctx?.store.close());

  it('lets the PT’s secretariat record a report tied to a meeting, audited, once per form submit', async () => {
    const saved = await addProgressReport(ctx, STAFF.ptSecretary, report('r-1'));
    expect(saved).toMatchObject({
      id: 'r-1',
      ptId: 'pt-1-4',
      meetingId: HQ_MEETING.id,
      authorStaffId: 'pt-secretary',
      reportedAt: NOW,
      progress: '申請手続きの棚卸しを完了',
    });
    await addProgressReport(ctx, STAFF.ptSecretary, report('r-1', { progress: '二度目' }));
    expect(await ctx.store.repositories.projectTeams.listProgressReports('pt-1-4')).toHaveLength(1);
    expect((await ctx.store.repositories.audit.listFor('projectTeam', 'pt-1-4')).map((entry) => entry.action)).toEqual(['progressReport']);
  });

  it('lets an administrator report for any PT', async () => {
    await expect(addProgressReport(ctx, STAFF.admin, report('r-2', { ptId: 'pt-1-24' }))).resolves.toMatchObject({ ptId: 'pt-1-24' });
  });

  it.each([
    ['a member unit’s staff', STAFF.author],
    ['the programme secretariat, which is not this PT’s secretariat', STAFF.secretary],
    ['the chair', STAFF.mayor],
  ])('refuses %s and writes nothing', async (_who, actor) => {
    await expect(addProgressReport(ctx, actor, report('r-refused'))).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect((await ctx.store.repositories.projectTeams.listProgressReports('pt-1-4')).some((saved) => saved.id === 'r-refused')).toBe(false);
  });

  it('requires the progress and limits every heading, naming the fields in Japanese and English', async () => {
    const error = await addProgressReport(ctx, STAFF.ptSecretary, report('r-3', { progress: '  ', issues: 'あ'.repeat(2001) })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainErrors);
    const errors = (error as DomainErrors).errors;
    expect(errors.map((each) => each.field)).toEqual(['progress', 'issues']);
    expect(errorMessage(errors[0]!, 'ja')).toBe('進捗状況を入力してください。');
    expect(errorMessage(errors[1]!, 'en')).toBe('The issues may be at most 2000 characters.');
  });

  it('refuses an unknown PT, an unknown meeting and a cancelled meeting', async () => {
    await expect(addProgressReport(ctx, STAFF.admin, report('r-4', { ptId: 'pt-9-9' }))).rejects.toMatchObject({ code: 'projectTeam.notFound' });
    await expect(addProgressReport(ctx, STAFF.ptSecretary, report('r-4', { meetingId: 'nope' }))).rejects.toMatchObject({ code: 'meeting.notFound' });
    await conveneMeeting(ctx, STAFF.ptSecretary, {
      meetingId: 'pt-meeting',
      bodyId: 'body-pt-1-4',
      startsAt: new Date('2024-06-03T10:00:00+09:00'),
      endsAt: new Date('2024-06-03T11:00:00+09:00'),
    });
    await cancelMeeting(ctx, STAFF.ptSecretary, 'pt-meeting');
    const refused = await addProgressReport(ctx, STAFF.ptSecretary, report('r-4', { meetingId: 'pt-meeting' })).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('progress.meetingCancelled');
  });
});
