import { beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { PT_THEME_CALL } from './support/review-seed.js';
import { useTabApi } from './support/tab-api-session.js';
import { CALL, HQ_MEETING, STAFF } from './support/tab-world.js';

/**
 * The ids a form chooses (so that a double submit records one thing): a progress report's, a
 * meeting's and a proposal's. Reusing one for something else is refused with 409 and a message
 * saying so, and what already had the id is left as it was; resending the same thing still
 * answers with the first record.
 */
describe('a client-chosen id that is already taken', () => {
  const api = useTabApi(async (ctx: UseCaseContext) => {
    await ctx.store.repositories.calls.upsert(PT_THEME_CALL);
  });
  const repos = () => api.world.ctx.store.repositories;
  // A person's first signed-in call links their account: done here, so a refused call has nothing else to write.
  beforeAll(async () => {
    for (const person of Object.values(STAFF)) expect((await api.call(person.id, 'GET', '/api/v1/me')).status).toBe(200);
  });

  describe('progress reports', () => {
    const report = (reportId: string, progress: string) => ({ reportId, meetingId: HQ_MEETING.id, structure: '', schedule: '', progress, issues: '' });

    it('refuses the id of a report on another PT with 409, keeping the first report and adding none', async () => {
      const first = await api.call(STAFF.ptSecretary.id, 'POST', '/api/v1/project-teams/pt-1-4/progress-reports', report('dup-report', '1-4の進捗'));
      expect(first.status, first.text).toBe(201);
      const tables = await api.world.tables();

      const second = await api.call(STAFF.ptSecretary.id, 'POST', '/api/v1/project-teams/pt-1-24/progress-reports', report('dup-report', '1-24の進捗'));
      expect(second.status, second.text).toBe(409);
      expect(second.json().error).toMatchObject({
        code: 'progress.idInUse',
        message: 'この進捗報告のIDは、別の進捗報告で使われています。フォームを開き直してから、もう一度報告してください。',
      });
      expect(await api.world.tables()).toEqual(tables);
      expect(await repos().projectTeams.listProgressReports('pt-1-24')).toEqual([]);
      expect((await repos().projectTeams.listProgressReports('pt-1-4')).map((each) => each.progress)).toEqual(['1-4の進捗']);
    });

    it('refuses the id of the same PT’s report sent by someone else with 409', async () => {
      const response = await api.call(STAFF.admin.id, 'POST', '/api/v1/project-teams/pt-1-4/progress-reports', report('dup-report', '管理者の進捗'));
      expect(response.status, response.text).toBe(409);
      expect(response.json().error.code).toBe('progress.idInUse');
      expect((await repos().projectTeams.listProgressReports('pt-1-4')).map((each) => each.progress)).toEqual(['1-4の進捗']);
    });

    it('answers a resend of the same report by the same person with the first report (a double submit)', async () => {
      const again = await api.call(STAFF.ptSecretary.id, 'POST', '/api/v1/project-teams/pt-1-4/progress-reports', report('dup-report', '1-4の進捗'));
      expect(again.status, again.text).toBe(201);
      expect(again.json().id).toBe('dup-report');
      expect(await repos().projectTeams.listProgressReports('pt-1-4')).toHaveLength(1);
    });

    it('says so in English to someone who chose English', async () => {
      expect((await api.call(STAFF.ptSecretary.id, 'PUT', '/api/v1/me/preferences', { locale: 'en' })).status).toBe(200);
      const response = await api.call(STAFF.ptSecretary.id, 'POST', '/api/v1/project-teams/pt-1-24/progress-reports', report('dup-report', 'again'));
      expect(response.status).toBe(409);
      expect(response.json().error.message).toBe(
        'The id of this progress report is already used by another progress report. Open the form again and report again.',
      );
    });
  });

  describe('meetings', () => {
    const meeting = (bodyId: string, startsAt: string, endsAt: string) => ({ meetingId: 'dup-meeting', bodyId, startsAt, endsAt, place: '第1委員会室' });
    const hq = meeting('hq', '2024-08-01T10:00:00+09:00', '2024-08-01T11:00:00+09:00');

    it('refuses the id of a meeting of another body with 409, keeping the first meeting and convening none', async () => {
      const first = await api.call(STAFF.mayor.id, 'POST', '/api/v1/meetings', hq);
      expect(first.status, first.text).toBe(201);
      const tables = await api.world.tables();

      const second = await api.call(
        STAFF.planningChief.id,
        'POST',
        '/api/v1/meetings',
        meeting('council', '2024-08-05T15:00:00+09:00', '2024-08-05T16:00:00+09:00'),
      );
      expect(second.status, second.text).toBe(409);
      expect(second.json().error).toMatchObject({
        code: 'meeting.idInUse',
        message: 'この会議のIDは、別の会議で使われています。フォームを開き直してから、もう一度招集してください。',
      });
      expect(await api.world.tables()).toEqual(tables);
      expect(await repos().meetings.get('dup-meeting')).toMatchObject({
        bodyId: 'hq',
        startsAt: new Date('2024-08-01T10:00:00+09:00'),
        convenedByStaffId: STAFF.mayor.id,
      });
      expect((await repos().meetings.list({ bodyId: 'council' })).map((each) => each.id)).not.toContain('dup-meeting');
    });

    it('refuses the id of the same body’s meeting convened by someone else with 409', async () => {
      const tables = await api.world.tables();
      const response = await api.call(STAFF.deputy1.id, 'POST', '/api/v1/meetings', meeting('hq', '2024-09-01T10:00:00+09:00', '2024-09-01T11:00:00+09:00'));
      expect(response.status, response.text).toBe(409);
      expect(response.json().error.code).toBe('meeting.idInUse');
      expect(await api.world.tables()).toEqual(tables);
    });

    it('answers a resend by the same person with the first meeting (a double submit)', async () => {
      const tables = await api.world.tables();
      const again = await api.call(STAFF.mayor.id, 'POST', '/api/v1/meetings', hq);
      expect(again.status, again.text).toBe(201);
      expect(again.json()).toMatchObject({ id: 'dup-meeting', bodyId: 'hq' });
      expect(await api.world.tables()).toEqual(tables);
    });
  });

  describe('proposals', () => {
    const draft = (callId: string, title: string) => ({ callId, track: 'individual', title });

    it('refuses the id of the author’s own proposal for another call with 409, keeping that proposal', async () => {
      const first = await api.call(STAFF.author.id, 'PUT', '/api/v1/proposals/dup-proposal', draft(CALL.id, '新規取組みの下書き'));
      expect(first.status, first.text).toBe(200);
      const tables = await api.world.tables();

      for (const [method, path] of [
        ['PUT', '/api/v1/proposals/dup-proposal'],
        ['POST', '/api/v1/proposals/dup-proposal/submit'],
      ] as const) {
        const response = await api.call(STAFF.author.id, method, path, {
          ...draft(PT_THEME_CALL.id, 'PTテーマ'),
          summary: '概要',
          expectedEffect: '効果',
          perspective: 'crossCutting',
        });
        expect(response.status, response.text).toBe(409);
        expect(response.json().error).toMatchObject({
          code: 'proposal.idInUse',
          message: 'この提案のIDは、別の募集への提案で使われています。フォームを開き直してから、新しい提案を作成してください。',
        });
      }
      expect(await api.world.tables()).toEqual(tables);
      expect(await repos().proposals.get('dup-proposal')).toMatchObject({ callId: CALL.id, title: '新規取組みの下書き', state: 'draft' });
    });

    it('refuses someone else’s proposal id as not theirs (403), keeping it', async () => {
      const tables = await api.world.tables();
      const response = await api.call(STAFF.outsider.id, 'PUT', '/api/v1/proposals/dup-proposal', draft(CALL.id, '乗っ取り'));
      expect(response.status, response.text).toBe(403);
      expect(response.json().error.code).toBe('proposal.notAuthor');
      expect(await api.world.tables()).toEqual(tables);
    });
  });
});
