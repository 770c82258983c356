import { describe, expect, it } from 'vitest';
import { staffMember } from '../support/domain-fixtures.js';
import { NOW } from './support/tab-world.js';
import { useTabApi } from './support/tab-api-session.js';

const HOUR = 3_600_000;
const draft = (meetingId: string, overrides: Record<string, unknown> = {}) => ({
  meetingId,
  bodyId: 'hq',
  startsAt: '2024-07-19T10:00:00+09:00',
  endsAt: '2024-07-19T11:30:00+09:00',
  place: '第1委員会室',
  agenda: ['ＰＴ進捗報告'],
  guests: [{ name: '外部 有識者', affiliation: '大学' }, { name: '民間 委員' }],
  ...overrides,
});

describe('draft convocations and the acting chair over the tab API (要綱 art. 3–5, 7)', () => {
  const api = useTabApi(
    async (ctx) => {
      await ctx.store.repositories.staff.upsert(staffMember({ id: 'clerk-chief', displayName: '企画 主任', unitId: 'seisaku-kikaku-ka', grade: 'chief' }));
      await ctx.store.repositories.conversations.upsert({
        conversationId: '19:hq',
        kind: 'channel',
        serviceUrl: 'https://smba.example/',
        tenantId: 't',
        botId: '28:bot',
        locale: 'ja',
        active: true,
        updatedAt: NOW,
      });
      await ctx.store.repositories.subscriptions.save({ conversationId: '19:hq', kinds: ['convocations'], bodyId: 'hq', updatedAt: NOW });
    },
    ['clerk-chief'],
  );
  const { call } = api;
  const repos = () => api.world.ctx.store.repositories;
  const convocationRows = async (meetingId: string) =>
    (await repos().outbox.listFor(meetingId, ['pending', 'sent'])).filter((row) => row.payload.type === 'convocation');

  it('refuses a 主任 of 政策企画課 convening HQ with 403 and says the secretariat prepares (art. 4, 7)', async () => {
    const refused = await call('clerk-chief', 'POST', '/api/v1/meetings', draft('by-clerk'));
    expect(refused.status).toBe(403);
    expect(refused.json().error.message).toContain('招集案を作成できます');
    expect(await repos().meetings.get('by-clerk')).toBeUndefined();
  });

  it('refuses an administrator convening HQ or the council (SECURITY.md)', async () => {
    expect((await call('admin', 'POST', '/api/v1/meetings', draft('by-admin'))).status).toBe(403);
    expect((await call('admin', 'POST', '/api/v1/meetings', draft('by-admin-council', { bodyId: 'council' }))).status).toBe(403);
    expect(
      (await call('admin', 'POST', '/api/v1/meetings/hq-2024-2/reschedule', { startsAt: '2024-05-27T10:00:00+09:00', endsAt: '2024-05-27T11:00:00+09:00' }))
        .status,
    ).toBe(403);
    expect((await call('admin', 'POST', '/api/v1/meetings/prepare', draft('by-admin-draft'))).status).toBe(403);
  });

  it('lets the secretariat prepare a draft that members neither see nor receive; the chair issues it with the guests they confirm (art. 4(2), 7)', async () => {
    const prepared = await call('clerk-chief', 'POST', '/api/v1/meetings/prepare', draft('d-1'));
    expect(prepared.status).toBe(201);
    expect(prepared.json()).toMatchObject({ id: 'd-1', status: 'prepared' });
    expect(await convocationRows('d-1')).toEqual([]);
    // Members do not see a draft; the secretariat and the chair do, and only the chair may issue it.
    expect((await call('deputy2', 'GET', '/api/v1/meetings')).json().map((meeting: { id: string }) => meeting.id)).not.toContain('d-1');
    expect((await call('deputy2', 'GET', '/api/v1/meetings/d-1')).status).toBe(404);
    expect((await call('clerk-chief', 'GET', '/api/v1/meetings/d-1')).json()).toMatchObject({ status: 'prepared', mayIssue: false, mayManage: true });
    expect((await call('mayor', 'GET', '/api/v1/meetings/d-1')).json()).toMatchObject({
      status: 'prepared',
      mayIssue: true,
      guests: [{ name: '外部 有識者' }, { name: '民間 委員' }],
    });
    // The chair is told in the tab's notices as well as in chat.
    const notices = (await call('mayor', 'GET', '/api/v1/dashboard')).json().notices;
    expect(notices).toEqual([expect.objectContaining({ subject: expect.objectContaining({ kind: 'convocationToIssue', meetingId: 'd-1', issued: false }) })]);
    // Members cannot answer a draft.
    expect((await call('deputy2', 'PUT', '/api/v1/meetings/d-1/rsvp', { response: 'attend' })).status).toBe(409);

    expect((await call('clerk-chief', 'POST', '/api/v1/meetings/d-1/issue', { guests: [] })).status).toBe(403);
    const issued = await call('mayor', 'POST', '/api/v1/meetings/d-1/issue', { guests: [{ name: '外部 有識者', affiliation: '大学' }] });
    expect(issued.status).toBe(200);
    expect(issued.json().status).toBe('convened');
    expect(await repos().meetings.get('d-1')).toMatchObject({ convenedByStaffId: 'mayor', guests: [{ name: '外部 有識者', affiliation: '大学' }] });
    expect((await convocationRows('d-1')).map((row) => row.conversationId)).toEqual(['19:hq']);
    expect((await call('deputy2', 'GET', '/api/v1/meetings')).json().map((meeting: { id: string }) => meeting.id)).toContain('d-1');
  });

  it('refuses a malformed issue body with 400 and an unknown draft with 404', async () => {
    expect((await call('mayor', 'POST', '/api/v1/meetings/d-1/issue', { guests: 'all' })).status).toBe(400);
    expect((await call('mayor', 'POST', '/api/v1/meetings/nope/issue', { guests: [] })).status).toBe(404);
  });

  it('lets the secretariat record the mayor’s absence; the 1st-rank deputy issues while it lasts and not after (art. 3(3)(4))', async () => {
    expect((await call('deputy1', 'POST', '/api/v1/absences', { postId: 'kucho', kind: 'absent', from: '2024-05-10T00:00:00+09:00' })).status).toBe(403);
    const recorded = await call('secretary', 'POST', '/api/v1/absences', {
      postId: 'kucho',
      kind: 'absent',
      from: '2024-05-10T00:00:00+09:00',
      until: '2024-05-12T00:00:00+09:00',
      note: '海外出張',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.json()).toMatchObject({ postTitle: '区長', kind: 'absent', current: true, recordedByName: '事務局 花子' });
    const listed = (await call('admin', 'GET', '/api/v1/absences')).json();
    expect(listed.absences.map((absence: { id: string }) => absence.id)).toEqual([recorded.json().id]);
    expect(listed.posts.map((post: { id: string }) => post.id)).toEqual(expect.arrayContaining(['kucho', 'fukukucho-1', 'seisaku-kikaku-kacho']));

    expect((await call('deputy1', 'GET', '/api/v1/bodies')).json().find((body: { id: string }) => body.id === 'hq').mayConvene).toBe(true);
    expect((await call('mayor', 'GET', '/api/v1/bodies')).json().find((body: { id: string }) => body.id === 'hq').mayConvene).toBe(false);
    await call('secretary', 'POST', '/api/v1/meetings/prepare', draft('d-2'));
    await call('secretary', 'POST', '/api/v1/meetings/prepare', draft('d-3', { startsAt: '2024-07-26T10:00:00+09:00', endsAt: '2024-07-26T11:00:00+09:00' }));
    expect((await repos().notices.listForSubject('d-2')).map((notice) => notice.staffId)).toEqual(['deputy1']);
    expect((await call('mayor', 'POST', '/api/v1/meetings/d-2/issue', { guests: [] })).status).toBe(403);
    expect((await call('deputy1', 'POST', '/api/v1/meetings/d-2/issue', { guests: [] })).json().status).toBe('convened');
    // The meeting page names the acting chair as presiding while the mayor's absence covers the meeting.
    const direct = await call(
      'deputy1',
      'POST',
      '/api/v1/meetings',
      draft('d-acting', { startsAt: '2024-05-11T10:00:00+09:00', endsAt: '2024-05-11T11:00:00+09:00', guests: [] }),
    );
    expect(direct.status).toBe(201);
    expect((await call('deputy2', 'GET', '/api/v1/meetings/d-acting')).json().presiding).toMatchObject({ basis: 'guideline', displayName: '副区長 一郎' });

    api.world.clock.advance(48 * HOUR);
    expect((await call('deputy1', 'POST', '/api/v1/meetings/d-3/issue', { guests: [] })).status).toBe(403);
    expect((await call('mayor', 'POST', '/api/v1/meetings/d-3/issue', { guests: [] })).json().status).toBe('convened');
    expect((await call('admin', 'GET', '/api/v1/absences')).json().absences[0].current).toBe(false);
  });

  it('ends an absence early, audited, and refuses ending it twice', async () => {
    const recorded = (await call('secretary', 'POST', '/api/v1/absences', { postId: 'kucho', kind: 'vacant', from: '2024-05-12T00:00:00+09:00' })).json();
    expect((await call('author', 'POST', `/api/v1/absences/${recorded.id}/end`)).status).toBe(403);
    expect((await call('admin', 'POST', `/api/v1/absences/${recorded.id}/end`)).json()).toMatchObject({ current: false, endedAt: expect.any(String) });
    expect((await call('admin', 'POST', `/api/v1/absences/${recorded.id}/end`)).status).toBe(409);
    expect((await repos().audit.listFor('postAbsence', recorded.id)).map((entry) => [entry.action, entry.actorStaffId])).toEqual([
      ['record', 'secretary'],
      ['end', 'admin'],
    ]);
    const bad = await call(
      'secretary',
      'POST',
      '/api/v1/absences',
      { postId: 'kucho', kind: 'absent', from: '2024-05-12T00:00:00+09:00', until: '2024-05-11T00:00:00+09:00' },
      { 'Accept-Language': 'en' },
    );
    expect(bad.status).toBe(422);
    expect(bad.json().error.message).toBe('The end must be after the start.');
  });
});
