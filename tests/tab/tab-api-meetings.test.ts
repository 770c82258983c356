import { describe, expect, it } from 'vitest';
import { NOW } from './support/tab-world.js';
import { useTabApi } from './support/tab-api-session.js';

const convene = (meetingId: string, overrides: Record<string, unknown> = {}) => ({
  meetingId,
  bodyId: 'hq',
  startsAt: '2024-07-19T10:00:00+09:00',
  endsAt: '2024-07-19T11:30:00+09:00',
  place: '第1委員会室',
  agenda: ['ＰＴ進捗報告', '新規取組み項目の提案状況'],
  guests: [{ name: '外部 有識者', affiliation: '大学' }],
  ...overrides,
});

describe('convening, rescheduling and cancelling meetings from the tab', () => {
  const api = useTabApi();
  const { call } = api;

  it('tells each viewer which bodies they may convene', async () => {
    const bodies = async (as: string, flag: 'mayConvene' | 'mayPrepare') =>
      (await call(as, 'GET', '/api/v1/bodies'))
        .json()
        .filter((body: Record<string, boolean>) => body[flag])
        .map((body: { id: string }) => body.id);
    expect(await bodies('secretary', 'mayConvene')).toEqual([]);
    expect((await bodies('secretary', 'mayPrepare')).sort()).toEqual(['council', 'hq']);
    expect(await bodies('mayor', 'mayConvene')).toEqual(['hq']);
    expect(await bodies('mayor', 'mayPrepare')).toEqual([]);
    expect(await bodies('admin', 'mayConvene')).toEqual([]);
    expect(await bodies('author', 'mayConvene')).toEqual([]);
  });

  it('lets the mayor convene HQ (art. 4), in Japan time, with agenda and guests', async () => {
    const created = await call('mayor', 'POST', '/api/v1/meetings', convene('m-1'));
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ id: 'm-1', status: 'convened', ordinal: 3, startsAt: '2024-07-19T01:00:00.000Z' });
    const stored = await api.world.ctx.store.repositories.meetings.get('m-1');
    expect(stored).toMatchObject({
      status: 'convened',
      convenedByStaffId: 'mayor',
      agenda: [
        { title: 'ＰＴ進捗報告', kind: 'general' },
        { title: '新規取組み項目の提案状況', kind: 'general' },
      ],
    });
    expect((await api.world.ctx.store.repositories.audit.listFor('meeting', 'm-1')).map((entry) => entry.action)).toEqual(['convene']);
    // A double submit of the same form returns the first meeting.
    expect((await call('mayor', 'POST', '/api/v1/meetings', convene('m-1', { place: '別の部屋' }))).json().place).toBe('第1委員会室');
  });

  it('refuses a member of staff with 403, explains who may convene, and writes nothing', async () => {
    const refused = await call('author', 'POST', '/api/v1/meetings', convene('m-2'));
    expect(refused.status).toBe(403);
    expect(refused.json().error.message).toContain('本部長');
    const english = await call('author', 'POST', '/api/v1/meetings', convene('m-2'), { 'Accept-Language': 'en' });
    expect(english.json().error.message).toContain('Only the chair');
    expect(await api.world.ctx.store.repositories.meetings.get('m-2')).toBeUndefined();
  });

  it('puts the PTs that report progress on the agenda, so their secretariat can tie a report to the meeting', async () => {
    const created = await call(
      'mayor',
      'POST',
      '/api/v1/meetings',
      convene('m-pt', { startsAt: '2024-07-26T10:00:00+09:00', endsAt: '2024-07-26T11:00:00+09:00', agenda: ['その他'], ptProgress: ['pt-1-4'] }),
    );
    expect(created.status).toBe(201);
    expect((await api.world.ctx.store.repositories.meetings.get('m-pt'))?.agenda).toEqual([
      { title: '1-4 行政手続きのデジタル化 進捗報告', kind: 'ptProgress', ptId: 'pt-1-4' },
      { title: 'その他', kind: 'general' },
    ]);
    const pt = (await call('secretary', 'GET', '/api/v1/project-teams/pt-1-4')).json();
    expect(pt.reportableMeetings.map((meeting: { id: string }) => meeting.id)).toContain('m-pt');
    expect((await call('mayor', 'POST', '/api/v1/meetings', convene('m-pt-2', { ptProgress: ['pt-9-9'] }))).status).toBe(404);
    expect(await api.world.ctx.store.repositories.meetings.get('m-pt-2')).toBeUndefined();
  });

  it('reports every invalid detail with its field', async () => {
    const invalid = await call('mayor', 'POST', '/api/v1/meetings', convene('m-3', { endsAt: '2024-07-19T09:00:00+09:00', onlineUrl: 'javascript:alert(1)' }));
    expect(invalid.status).toBe(422);
    expect(invalid.json().error.fields.map((field: { field: string }) => field.field)).toEqual(['endsAt', 'onlineUrl']);
    expect((await call('mayor', 'POST', '/api/v1/meetings', convene('m-3', { startsAt: '2024-07-19 10:00' }))).status).toBe(400);
    expect(await api.world.ctx.store.repositories.meetings.get('m-3')).toBeUndefined();
  });

  it('reschedules with the old time kept in the history, then cancels; the meeting page says who may manage it', async () => {
    expect((await call('mayor', 'GET', '/api/v1/meetings/m-1')).json().mayManage).toBe(true);
    // The secretariat manages only drafts; an issued convocation is the chair's (art. 4).
    expect((await call('secretary', 'GET', '/api/v1/meetings/m-1')).json().mayManage).toBe(false);
    expect((await call('author', 'GET', '/api/v1/meetings/m-1')).json().mayManage).toBe(false);
    expect(
      (await call('author', 'POST', '/api/v1/meetings/m-1/reschedule', { startsAt: '2024-07-22T10:00:00+09:00', endsAt: '2024-07-22T11:00:00+09:00' })).status,
    ).toBe(403);
    const moved = await call('mayor', 'POST', '/api/v1/meetings/m-1/reschedule', {
      startsAt: '2024-07-22T10:00:00+09:00',
      endsAt: '2024-07-22T11:00:00+09:00',
      reason: '議会日程のため',
    });
    expect(moved.status).toBe(200);
    const detail = (await call('secretary', 'GET', '/api/v1/meetings/m-1')).json();
    expect(detail.startsAt).toBe('2024-07-22T01:00:00.000Z');
    expect(detail.history).toEqual([expect.objectContaining({ previousStartsAt: '2024-07-19T01:00:00.000Z', reason: '議会日程のため' })]);
    expect((await call('author', 'POST', '/api/v1/meetings/m-1/cancel')).status).toBe(403);
    expect((await api.world.ctx.store.repositories.meetings.get('m-1'))?.status).toBe('convened');
    expect((await call('secretary', 'POST', '/api/v1/meetings/m-1/cancel')).status).toBe(403);
    expect((await call('admin', 'POST', '/api/v1/meetings/m-1/cancel')).status).toBe(403);
    expect((await call('mayor', 'POST', '/api/v1/meetings/m-1/cancel')).json().status).toBe('cancelled');
    expect(
      (await call('mayor', 'POST', '/api/v1/meetings/m-1/reschedule', { startsAt: '2024-07-23T10:00:00+09:00', endsAt: '2024-07-23T11:00:00+09:00' })).status,
    ).toBe(409);
    expect((await call('mayor', 'POST', '/api/v1/meetings/nope/cancel')).status).toBe(404);
  });
});

describe('what the convener sees of the answers, and the once-only reminder', () => {
  const api = useTabApi();
  const { call } = api;
  const personalChat = (staffId: string) =>
    api.world.ctx.store.repositories.conversations.upsert({
      conversationId: `a:${staffId}`,
      kind: 'personal',
      serviceUrl: 'https://smba.example/',
      tenantId: 't',
      botId: '28:bot',
      staffId,
      locale: 'ja',
      active: true,
      updatedAt: NOW,
    });

  it('starts each person’s convene form on the body they chair: the council’s 議長 on 推進会議, the mayor on 本部', async () => {
    const bodies = async (as: string) => (await call(as, 'GET', '/api/v1/bodies')).json() as { id: string; mayConvene: boolean; conveneDefault: boolean }[];
    const planningChief = await bodies('planning-chief');
    expect(planningChief.filter((body) => body.mayConvene).map((body) => body.id)).toEqual(['council']);
    expect(planningChief.filter((body) => body.conveneDefault).map((body) => body.id)).toEqual(['council']);
    expect((await bodies('mayor')).filter((body) => body.conveneDefault).map((body) => body.id)).toEqual(['hq']);
    expect((await bodies('secretary')).filter((body) => body.conveneDefault).map((body) => body.id)).toEqual(['hq']);
    expect((await bodies('author')).some((body) => body.conveneDefault)).toBe(false);
  });

  it('gives the convener and the secretariat the tally of the expected attendees; a member sees only their own answer', async () => {
    // HQ expects the mayor, both deputies, 政策企画課長 and the 庶務 clerk; the mayor has declined.
    const secretary = (await call('secretary', 'GET', '/api/v1/meetings/hq-2024-2')).json();
    expect(secretary.attendance).toEqual({ attend: 0, absent: 1, proxy: 0, unanswered: 4, expected: 5 });
    expect(secretary.mayRemind).toBe(true);
    expect((await call('deputy1', 'PUT', '/api/v1/meetings/hq-2024-2/rsvp', { response: 'proxy', proxyName: '政策経営部長' })).status).toBe(200);
    expect((await call('mayor', 'GET', '/api/v1/meetings/hq-2024-2')).json().attendance).toEqual({
      attend: 0,
      absent: 1,
      proxy: 1,
      unanswered: 3,
      expected: 5,
    });
    for (const member of ['deputy1', 'author']) {
      const view = (await call(member, 'GET', '/api/v1/meetings/hq-2024-2')).json();
      expect(view.attendance, member).toBeUndefined();
      expect(view.mayRemind, member).toBe(false);
    }
  });

  it('refuses the reminder to a member with 403 and a localised reason, and records nothing', async () => {
    const refused = await call('deputy1', 'POST', '/api/v1/meetings/hq-2024-2/rsvp-reminder');
    expect(refused.status).toBe(403);
    expect(refused.json().error.message).toBe('本部の未回答者に催促できるのは、招集できる方と庶務（事務局）です。');
    expect((await call('author', 'POST', '/api/v1/meetings/hq-2024-2/rsvp-reminder', undefined, { 'Accept-Language': 'en' })).json().error.message).toContain(
      'Only those who may convene',
    );
    expect((await api.world.ctx.store.repositories.meetings.get('hq-2024-2'))?.rsvpReminder).toBeUndefined();
  });

  it('does not use up the reminder when the bot reaches nobody who has not answered', async () => {
    const refused = await call('secretary', 'POST', '/api/v1/meetings/hq-2024-2/rsvp-reminder');
    expect(refused.status).toBe(409);
    expect(refused.json().error.message).toContain('未回答の3名はいずれもボットを追加していない');
    expect((await call('secretary', 'GET', '/api/v1/meetings/hq-2024-2')).json().mayRemind).toBe(true);
  });

  it('sends the reminder once to those with a chat with the bot, counts the unreachable, and refuses a second press', async () => {
    await personalChat('deputy2');
    await personalChat('planning-chief');
    await personalChat('deputy1'); // answered already: not reminded
    const sent = await call('secretary', 'POST', '/api/v1/meetings/hq-2024-2/rsvp-reminder');
    expect(sent.status).toBe(200);
    expect(sent.json()).toMatchObject({ recipients: 2, unreachable: 1, sentAt: NOW.toISOString(), sentByName: '事務局 花子' });
    const rows = (await api.world.ctx.store.repositories.outbox.listFor('hq-2024-2', ['pending'])).filter((row) => row.payload.type === 'rsvpNudge');
    expect(rows.map((row) => row.conversationId).sort()).toEqual(['a:deputy2', 'a:planning-chief']);
    expect(rows.every((row) => row.kind === 'personal' && row.dueAt.getTime() === NOW.getTime())).toBe(true);

    api.world.clock.advance(60_000);
    const again = await call('mayor', 'POST', '/api/v1/meetings/hq-2024-2/rsvp-reminder');
    expect(again.status).toBe(409);
    expect(again.json().error.message).toBe('未回答者への催促は令和6年5月10日（金）10:00に事務局 花子さんが送信済みです。催促は1つの会議につき1回です。');
    expect((await call('mayor', 'POST', '/api/v1/meetings/hq-2024-2/rsvp-reminder', undefined, { 'Accept-Language': 'en' })).json().error.message).toBe(
      '事務局 花子 already sent the reminder on Fri 10 May 2024, 10:00 JST; it can be sent once per meeting.',
    );
    expect((await api.world.ctx.store.repositories.outbox.listFor('hq-2024-2', ['pending'])).filter((row) => row.payload.type === 'rsvpNudge')).toHaveLength(2);

    const detail = (await call('secretary', 'GET', '/api/v1/meetings/hq-2024-2')).json();
    expect(detail.mayRemind).toBe(false);
    expect(detail.rsvpReminder).toEqual({ sentAt: NOW.toISOString(), sentByName: '事務局 花子', recipients: 2, unreachable: 1 });
    expect((await call('deputy1', 'GET', '/api/v1/meetings/hq-2024-2')).json().rsvpReminder).toBeUndefined();
    const audit = (await api.world.ctx.store.repositories.audit.listFor('meeting', 'hq-2024-2')).filter((entry) => entry.action === 'rsvpReminder');
    expect(audit).toEqual([expect.objectContaining({ actorStaffId: 'secretary', after: expect.objectContaining({ recipients: 2, unreachable: 1 }) })]);
  });
});

describe('PT progress reports from the tab', () => {
  const api = useTabApi();
  const { call } = api;
  const input = { reportId: 'r-1', meetingId: 'hq-2024-2', structure: '3課体制', schedule: '7月に中間報告', progress: '棚卸し完了', issues: '' };

  it('offers the form to the PT’s secretariat only, with the meetings whose agenda names the PT', async () => {
    const mine = (await call('pt-secretary', 'GET', '/api/v1/project-teams/pt-1-4')).json();
    expect(mine.mayReport).toBe(true);
    expect(mine.reportableMeetings.map((meeting: { id: string }) => meeting.id)).toEqual(['hq-2024-2']);
    expect((await call('author', 'GET', '/api/v1/project-teams/pt-1-4')).json().mayReport).toBe(false);
  });

  it('records a report from the PT secretariat and shows it on the PT page; others get 403', async () => {
    expect((await call('author', 'POST', '/api/v1/project-teams/pt-1-4/progress-reports', input)).status).toBe(403);
    expect((await call('pt-secretary', 'POST', '/api/v1/project-teams/pt-1-4/progress-reports', input)).status).toBe(201);
    const page = (await call('author', 'GET', '/api/v1/project-teams/pt-1-4')).json();
    expect(page.progressReports).toEqual([expect.objectContaining({ id: 'r-1', meetingId: 'hq-2024-2', structure: '3課体制', progress: '棚卸し完了' })]);
    const missing = await call('pt-secretary', 'POST', '/api/v1/project-teams/pt-1-4/progress-reports', { ...input, reportId: 'r-2', progress: '' });
    expect(missing.status).toBe(422);
    expect(missing.json().error.fields).toEqual([{ field: 'progress', message: '進捗状況を入力してください。' }]);
    // The home page counts the PTs that reported this fiscal year, and those not yet.
    const dashboard = (await call('author', 'GET', '/api/v1/dashboard')).json();
    expect(dashboard.ptReporting).toEqual({ fiscalYear: 2024, reported: 1, notYet: 1 });
  });
});
