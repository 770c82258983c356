import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import { ManualClock } from '../../shared/time/clock.js';
import { startAppWorld, type AppWorld } from '../support/app-world.js';
import { teamsUser, type TeamsUser } from '../support/bot-harness.js';
import { click, conversationWith } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { botAccount, personalInstallation, TEST_TENANT_ID, type TeamsActivity } from '../support/teams-activities.js';

/**
 * Journeys, not faces: one person goes through the bot, the tab and the notifications of one
 * running app (local mode, as the README's set-up starts it), in both orders of first contact, and
 * every promise a card makes ("we will tell you the result") arrives.
 */
const jst = (text: string) => new Date(`${text}+09:00`);
const CALL = 'fy2024-new-initiative';
const TEAM = '19:reform-team@thread.tacv2';
const CHANNEL = '19:reform-channel@thread.tacv2';

const botFirst = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');
const tabFirst = teamsUser('dx.shunin@example.jp', '福田 葵');
const tabOnly = teamsUser('setagaya.shunin@example.jp', '太田 陽介');
const secretariat = teamsUser('seisaku-kikaku.jimukyoku@example.jp', '松田 健太');
const councilChair = teamsUser('seisaku-kikaku.kacho@example.jp', '橋本 拓也');
const councilMember = teamsUser('zaisei.kacho@example.jp', '藤田 剛');

const personalChat = (user: TeamsUser) => `a:1personal-${user.account.aadObjectId}`;

describe('one person through the bot, the tab and the notifications', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let world: AppWorld;
  let talk: ReturnType<typeof conversationWith>;

  /** What the scheduler posted to a conversation since `before` (an index into the stand-in's log). */
  const postedTo = (conversationId: string, before = 0) =>
    world.connector
      .received({ conversationId, operation: 'sendToConversation' })
      .slice(before)
      .flatMap((request) => ((request.body?.attachments as { content: AdaptiveCard }[] | undefined) ?? []).map((attachment) => attachment.content));
  const sentCount = (conversationId: string) => world.connector.received({ conversationId, operation: 'sendToConversation' }).length;

  /** The person installs the bot in their personal scope, as Teams announces it. */
  const installPersonally = async (user: TeamsUser) => {
    expect((await world.post(personalInstallation(user.account, { serviceUrl: world.connector.url, id: `install-${user.upn}` }))).status).toBe(200);
  };

  beforeAll(async () => {
    world = await startAppWorld(clock);
    talk = conversationWith(world);
    world.enrol(TEAM, [secretariat, councilMember, councilChair]);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('bot first: a draft made in chat is edited and submitted in the tab, the decision reaches the chat and the tab', async () => {
    // 1. The bot, first contact: a draft saved from the proposal form.
    const [form] = (await talk.say(botFirst, '提案')).cards;
    expect(cardText(form)).toContain('提案フォーム');
    const draft = click(form!, '下書き保存', {
      track: 'individual',
      title: '窓口予約のオンライン化',
      summary: '来庁予約を電子で受け付ける',
      expectedEffect: '待ち時間の短縮',
    });
    expect(cardText((await talk.act(botFirst, draft.verb, draft.data)).value)).toContain('下書きを保存しました');
    const proposalId = String(draft.data.proposalId);

    // 2. The tab, same person: not locked out, the draft is there, edited and submitted.
    const tab = await world.signIn(botFirst);
    const me = (await tab.call('GET', '/api/v1/me')).json();
    expect(me).toMatchObject({ displayName: '西村 翔', staffId: tab.staffId });
    expect(me.directoryNotice).toBeUndefined();
    const mine = await tab.call('GET', '/api/v1/proposals/mine');
    expect(mine.status).toBe(200);
    expect(mine.json()).toEqual([expect.objectContaining({ id: proposalId, state: 'draft', title: '窓口予約のオンライン化' })]);
    const form2 = {
      callId: CALL,
      track: 'individual',
      title: '窓口予約のオンライン化',
      summary: '来庁予約を電子で受け付け、混雑を平準化する',
      expectedEffect: '待ち時間の短縮',
    };
    expect((await tab.call('PUT', `/api/v1/proposals/${proposalId}`, form2)).status).toBe(200);
    const submitted = await tab.call('POST', `/api/v1/proposals/${proposalId}/submit`, form2);
    expect(submitted.status).toBe(200);
    const receipt = submitted.json().receiptNumber as string;
    expect(receipt).toMatch(/^R6-新規-\d{3}$/);

    // 3. The secretariat decides in the bot.
    const queue = (await talk.say(secretariat, '審査')).cards[0]!;
    expect(cardText(queue)).toContain('窓口予約のオンライン化');
    const start = click(queue, 'ヒアリングへ');
    const started = (await talk.act(secretariat, start.verb, { ...start.data, proposalId })).value as AdaptiveCard;
    const decide = click(started, '判断を記録');
    const decideData = decide.data as { decisionInput: string; reasonInput: string };
    const chatBefore = sentCount(personalChat(botFirst));
    const decided = await talk.act(secretariat, decide.verb, {
      ...decide.data,
      proposalId,
      [decideData.decisionInput]: 'acceptedNextYear',
      [decideData.reasonInput]: '全窓口で効果が見込めるため',
    });
    expect(cardText(decided.value)).toContain(`${receipt}を「採用（次年度項目）」にしました`);

    // 4. The promise of the receipt card: the proposer hears the decision in chat…
    await world.scheduler.runOnce();
    const [notice] = postedTo(personalChat(botFirst), chatBefore);
    expect(notice, 'a decision notice in the proposer’s chat').toBeDefined();
    expect(cardProblems(notice!)).toEqual([]);
    const noticeText = cardText(notice);
    for (const expected of ['提案の審査結果のお知らせ', receipt, '採用（次年度項目）', '全窓口で効果が見込めるため', '今後の流れ', '修正計画'])
      expect(noticeText).toContain(expected);

    // …and sees the reason and what follows in the tab, where the notice counts as read.
    const after = (await tab.call('GET', '/api/v1/proposals/mine')).json()[0];
    expect(after).toMatchObject({ state: 'acceptedNextYear', decisionReason: '全窓口で効果が見込めるため' });
    const dashboard = (await tab.call('GET', '/api/v1/dashboard')).json();
    expect(dashboard.notices).toEqual([
      expect.objectContaining({ delivery: 'sent', unread: false, subject: expect.objectContaining({ kind: 'proposalDecision', receiptNumber: receipt }) }),
    ]);

    // One person, one account: no relinking happened on the way.
    const person = await world.ctx.store.repositories.staff.get(tab.staffId);
    expect(person?.entraObjectId).toBe(botFirst.account.aadObjectId);
    const audit = await world.ctx.store.repositories.audit.listFor('staff', tab.staffId);
    expect(audit.map((entry) => entry.action)).not.toContain('relinkEntraObjectId');
  });

  it('tab first: the same person is known to the bot, in the language they chose in the tab', async () => {
    const tab = await world.signIn(tabFirst);
    expect((await tab.call('GET', '/api/v1/me')).json().directoryNotice).toBeUndefined();
    const draftId = 'tab-first-draft';
    const form = {
      callId: CALL,
      track: 'individual',
      title: 'チャットボットによる庁内問い合わせ対応',
      summary: '庁内の問い合わせを一次回答する',
      expectedEffect: '担当課の負担軽減',
    };
    expect((await tab.call('PUT', `/api/v1/proposals/${draftId}`, form)).status).toBe(200);
    // English, chosen in the tab, follows the person into the bot.
    expect((await tab.call('PUT', '/api/v1/me/preferences', { locale: 'en' })).json()).toMatchObject({ preferredLocale: 'en' });

    const answer = await talk.say(tabFirst, '自分の提案', 'ja-JP');
    expect(answer.texts.join()).not.toMatch(/staff directory|職員名簿/);
    const card = cardText(answer.cards[0]);
    expect(card).toContain('My proposals');
    expect(card).toContain('チャットボットによる庁内問い合わせ対応');
    await talk.choose(tabFirst, 'ja');
    expect((await tab.call('GET', '/api/v1/me')).json()).toMatchObject({ preferredLocale: 'ja' });
  });

  it('without the bot, a decision waits on the dashboard as unread, the secretariat sees it undelivered, and it arrives once the bot is installed', async () => {
    const tab = await world.signIn(tabOnly);
    const form = { callId: CALL, track: 'individual', title: '公用車の共同利用', summary: '支所間で公用車を融通する', expectedEffect: '車両台数の削減' };
    const proposalId = 'tab-only-proposal';
    expect((await tab.call('POST', `/api/v1/proposals/${proposalId}/submit`, form)).status).toBe(200);

    const reviewer = await world.signIn(secretariat);
    expect((await reviewer.call('POST', '/api/v1/review/start', { proposalIds: [proposalId] })).status).toBe(200);
    expect(
      (await reviewer.call('POST', `/api/v1/review/proposals/${proposalId}/decision`, { decision: 'deferred', reason: '車両の更新時期に合わせて再検討' }))
        .status,
    ).toBe(200);
    await world.scheduler.runOnce();

    const waiting = (await tab.call('GET', '/api/v1/dashboard')).json().notices;
    expect(waiting).toEqual([
      expect.objectContaining({
        delivery: 'notInstalled',
        unread: true,
        subject: expect.objectContaining({ kind: 'proposalDecision', state: 'deferred', reason: '車両の更新時期に合わせて再検討' }),
      }),
    ]);
    const onBoard = async () =>
      ((await reviewer.call('GET', '/api/v1/review/proposals')).json() as { id: string; notified?: string }[]).find((row) => row.id === proposalId);
    expect(await onBoard()).toMatchObject({ state: 'deferred', notified: 'notInstalled' });

    // The person installs the bot: the notice is delivered to the new chat on the next pass.
    await installPersonally(tabOnly);
    await world.scheduler.runOnce();
    const [delivered] = postedTo(personalChat(tabOnly));
    expect(cardText(delivered)).toContain('車両の更新時期に合わせて再検討');
    expect(await onBoard()).toMatchObject({ notified: 'sent' });
    const read = (await tab.call('GET', '/api/v1/dashboard')).json().notices;
    expect(read).toEqual([expect.objectContaining({ delivery: 'sent', unread: false })]);
    // Another person cannot mark it read.
    expect((await reviewer.call('POST', `/api/v1/notices/${read[0].id}/read`)).status).toBe(404);
  });

  it('an applicant who applied in the bot hears in chat that they were seated; one without the bot finds it on the dashboard', async () => {
    clock.set(jst('2024-05-15T10:00:00'));
    const projectId = 'journey-recruitment';
    await world.ctx.store.repositories.recruitment.upsertProject({
      id: projectId,
      fiscalYear: 2024,
      title: '窓口DXプロジェクト',
      description: '窓口の手続きを見直す',
      perspective: 'crossCutting',
      opensAt: jst('2024-05-01T09:00:00'),
      closesAt: jst('2024-06-01T00:00:00'),
      status: 'recruiting',
      demo: false,
    });
    // In the bot: 公募 → 応募する → the form, as a member (the only role a 主任 is offered).
    const list = (await talk.say(botFirst, '公募')).cards[0]!;
    const open = click(list, '応募する');
    const form = (await talk.act(botFirst, open.verb, open.data)).value as AdaptiveCard;
    const apply = click(form, '応募する', { desiredRole: 'member', motivation: '窓口の経験を活かしたい' });
    expect(cardText((await talk.act(botFirst, apply.verb, apply.data)).value)).toContain('窓口DXプロジェクト');
    // The others apply in the tab.
    const applicants: [string, 'pm' | 'pl' | 'member'][] = [
      ['koreifukushi.bucho@example.jp', 'pm'],
      ['shimin-katsudo.kakaricho@example.jp', 'pl'],
      ['dx.shunin@example.jp', 'member'],
      ['toshi-seibi.shuji@example.jp', 'member'],
      ['setagaya.shunin@example.jp', 'member'],
    ];
    const ids = new Map<string, string>();
    for (const [upn, desiredRole] of applicants) {
      const session = await world.signIn(upn);
      ids.set(upn, session.staffId);
      expect((await session.call('POST', `/api/v1/recruitment/${projectId}/applications`, { desiredRole, motivation: '参加したい' })).status).toBe(201);
    }
    // The team is formed once the public call has closed (５（５）).
    clock.set(jst('2024-06-01T09:00:00'));
    const me = await world.signIn(botFirst);
    const reviewer = await world.signIn(secretariat);
    const chatBefore = sentCount(personalChat(botFirst));
    const seats = [
      { staffId: ids.get('koreifukushi.bucho@example.jp')!, role: 'pm' },
      { staffId: ids.get('shimin-katsudo.kakaricho@example.jp')!, role: 'pl' },
      { staffId: me.staffId, role: 'member' },
      { staffId: ids.get('dx.shunin@example.jp')!, role: 'member' },
      { staffId: ids.get('toshi-seibi.shuji@example.jp')!, role: 'member' },
    ];
    expect((await reviewer.call('PUT', `/api/v1/recruitment/${projectId}/team`, { seats })).status).toBe(200);
    await world.scheduler.runOnce();

    const [seated] = postedTo(personalChat(botFirst), chatBefore);
    expect(cardProblems(seated!)).toEqual([]);
    expect(cardText(seated)).toContain('「窓口DXプロジェクト」のメンバーに選ばれました（役割: メンバー）');
    // The applicant left out is told too: the dashboard shows the outcome, with no role.
    const leftOut = await world.signIn('setagaya.shunin@example.jp');
    const notices = (await leftOut.call('GET', '/api/v1/dashboard')).json().notices as { subject: { kind: string; projectTitle?: string; role?: string } }[];
    expect(notices).toContainEqual(
      expect.objectContaining({ subject: expect.objectContaining({ kind: 'recruitmentOutcome', projectTitle: '窓口DXプロジェクト' }) }),
    );
    expect(notices.find((notice) => notice.subject.kind === 'recruitmentOutcome')?.subject.role).toBeUndefined();
  });

  it('a chair convenes in the tab, a member answers on the card in a channel, the chair sees the answer, and a change reaches the member personally', async () => {
    clock.set(jst('2024-05-20T09:00:00'));
    // The secretariat adds the app to the team's channel (subscribed to everything by default).
    const install = {
      type: 'installationUpdate',
      action: 'add',
      id: 'install-channel',
      channelId: 'msteams',
      serviceUrl: world.connector.url,
      from: secretariat.account,
      recipient: botAccount(),
      conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TEST_TENANT_ID, isGroup: true },
      channelData: { tenant: { id: TEST_TENANT_ID }, team: { id: TEAM, name: '行政経営推進' }, channel: { id: CHANNEL, name: '一般' } },
      locale: 'ja-JP',
    } as unknown as TeamsActivity;
    expect((await world.post(install)).status).toBe(200);
    // The member has a personal chat with the bot too.
    await talk.say(councilMember, 'ヘルプ');

    const chair = await world.signIn(councilChair);
    const convened = await chair.call('POST', '/api/v1/meetings', {
      meetingId: 'journey-council',
      bodyId: 'council',
      startsAt: jst('2024-06-03T14:00:00').toISOString(),
      endsAt: jst('2024-06-03T15:00:00').toISOString(),
      place: '第1委員会室',
      agenda: ['令和6年度の進め方'],
    });
    expect(convened.status).toBe(201);
    await world.scheduler.runOnce();
    const [convocation] = postedTo(CHANNEL);
    expect(cardText(convocation)).toContain('推進会議');

    const attend = click(convocation!, '出席');
    const answered = await talk.act(councilMember, attend.verb, attend.data, 'ja-JP', 'channel');
    expect(answered.statusCode).toBe(200);
    const detail = (await chair.call('GET', '/api/v1/meetings/journey-council')).json();
    const holders = detail.roster.flatMap((line: { holders: { displayName: string; rsvp?: string }[] }) => line.holders);
    expect(holders).toContainEqual(expect.objectContaining({ displayName: '藤田 剛', rsvp: 'attend' }));
    // The chair's tally counts the answer given on the channel card.
    expect(detail.attendance).toMatchObject({ attend: 1, absent: 0, proxy: 0 });
    expect(detail.attendance.unanswered).toBe(detail.attendance.expected - 1);

    // The chair moves the meeting: the member, who answered for the old time, is told in person.
    const before = sentCount(personalChat(councilMember));
    const moved = await chair.call('POST', '/api/v1/meetings/journey-council/reschedule', {
      startsAt: jst('2024-06-04T10:00:00').toISOString(),
      endsAt: jst('2024-06-04T11:00:00').toISOString(),
    });
    expect(moved.status).toBe(200);
    await world.scheduler.runOnce();
    const personal = postedTo(personalChat(councilMember), before);
    expect(personal).toHaveLength(1);
    expect(cardProblems(personal[0]!)).toEqual([]);
    const text = cardText(personal[0]);
    expect(text).toContain('出欠を回答した会議が変更されました');
    expect(text).toContain('令和6年6月3日（月）14:00');
    expect(text).toContain('令和6年6月4日（火）');
    expect(text).toContain('出席');
  });
});
