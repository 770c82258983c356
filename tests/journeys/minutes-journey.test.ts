import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import { ManualClock } from '../../shared/time/clock.js';
import { startAppWorld, type AppWorld } from '../support/app-world.js';
import { teamsUser, type TeamsUser } from '../support/bot-harness.js';
import { click, conversationWith, findAction } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { personalInstallation } from '../support/teams-activities.js';

/**
 * After the meeting, across the faces: a proposal made in the bot is decided at an HQ meeting;
 * the secretariat records the minutes in the tab, the 区長 confirms them there, and the decision
 * reaches the proposer in chat and in the tab; the action item the decision set is theirs in the
 * tab's tasks and in the bot's 自分のタスク, reminded before its due date, and done from the bot.
 */
const jst = (text: string) => new Date(`${text}+09:00`);
const proposer = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');
const secretariat = teamsUser('seisaku-kikaku.jimukyoku@example.jp', '松田 健太');
const mayor = teamsUser('kucho@example.jp', '山田 太郎');
const personalChat = (user: TeamsUser) => `a:1personal-${user.account.aadObjectId}`;

describe('minutes from the meeting to the proposer, across the bot, the tab and the notifications', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let world: AppWorld;
  let talk: ReturnType<typeof conversationWith>;
  const cardsIn = (conversationId: string, since = 0) =>
    world.connector
      .received({ conversationId, operation: 'sendToConversation' })
      .slice(since)
      .flatMap((request) => ((request.body?.attachments as { content: AdaptiveCard }[] | undefined) ?? []).map((attachment) => attachment.content));
  const sentCount = (conversationId: string) => world.connector.received({ conversationId, operation: 'sendToConversation' }).length;

  beforeAll(async () => {
    world = await startAppWorld(clock);
    talk = conversationWith(world);
    world.enrol(personalChat(proposer), [proposer]);
    expect((await world.post(personalInstallation(proposer.account, { serviceUrl: world.connector.url, id: 'install-proposer' }))).status).toBe(200);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('bot proposal → minutes recorded and confirmed in the tab → decision and action item reach the proposer in chat and tab', async () => {
    // 1. The bot: the proposer submits a proposal and gets its receipt.
    const [form] = (await talk.say(proposer, '提案')).cards;
    const submit = click(form!, '提出する', {
      track: 'individual',
      title: '窓口のキャッシュレス化',
      summary: '全窓口で電子決済を導入する',
      expectedEffect: '待ち時間の短縮',
    });
    const receipt = cardText((await talk.act(proposer, submit.verb, submit.data)).value).match(/R6-新規-\d{3}/)![0];
    const proposalId = String(submit.data.proposalId);

    // 2. The tab: the 区長 convenes HQ; after the meeting the secretariat records the minutes.
    const chair = await world.signIn(mayor);
    expect(
      (
        await chair.call('POST', '/api/v1/meetings', {
          meetingId: 'journey-minutes',
          bodyId: 'hq',
          startsAt: '2024-05-20T10:00:00+09:00',
          endsAt: '2024-05-20T11:00:00+09:00',
          place: '第1委員会室',
          agenda: ['新規取組みの提案について'],
          guests: [],
        })
      ).status,
    ).toBe(201);
    clock.set(jst('2024-05-21T10:00:00'));
    const clerk = await world.signIn(secretariat);
    const draft = (await clerk.call('GET', '/api/v1/meetings/journey-minutes/minutes')).json() as { attendance: { staffId: string }[] };
    const mayorId = (await world.ctx.store.repositories.staff.findByUpn(mayor.upn))!.id;
    const proposerEntry = (await world.ctx.store.repositories.staff.findByUpn(proposer.upn))!;
    expect(draft.attendance.map((line) => line.staffId)).toContain(mayorId);
    const saved = await clerk.call('PUT', '/api/v1/meetings/journey-minutes/minutes', {
      attendance: [{ staffId: mayorId, mark: 'present' }],
      guestsPresent: [],
      summaries: [{ agendaIndex: 0, summary: '窓口のキャッシュレス化について審議した。' }],
      decisions: [
        {
          id: 'd1',
          agendaIndex: 0,
          text: '次年度の取組み項目として採用する。',
          subject: { kind: 'proposal', proposalId, outcome: 'acceptedNextYear' },
          actions: [{ title: '導入費用の見積り', owner: { kind: 'staff', staffId: proposerEntry.id }, dueOn: '2024-06-14' }],
        },
      ],
    });
    expect(saved.status).toBe(200);
    // The secretariat records; only the chair who presided confirms.
    expect((await clerk.call('POST', '/api/v1/meetings/journey-minutes/minutes/confirm')).status).toBe(403);
    const chatBefore = sentCount(personalChat(proposer));
    expect((await chair.call('POST', '/api/v1/meetings/journey-minutes/minutes/confirm')).status).toBe(200);

    // 3. The notifications: the proposer hears the decision in chat, as the receipt promised.
    await world.scheduler.runOnce();
    const [notice] = cardsIn(personalChat(proposer), chatBefore);
    expect(notice, 'a decision notice in the proposer’s chat').toBeDefined();
    expect(cardProblems(notice!)).toEqual([]);
    for (const expected of [receipt, '採用（次年度項目）', '次年度の取組み項目として採用する。']) expect(cardText(notice)).toContain(expected);

    // 4. The tab, same person: the decision, and the action item among their tasks.
    const mine = await world.signIn(proposer);
    expect((await mine.call('GET', '/api/v1/proposals/mine')).json()[0]).toMatchObject({ id: proposalId, state: 'acceptedNextYear' });
    expect(JSON.stringify((await mine.call('GET', '/api/v1/dashboard')).json().tasks)).toContain('導入費用の見積り');

    // 5. Reminded in chat three business days before the due date, then done from the bot.
    clock.set(jst('2024-06-11T09:00:00'));
    const beforeReminder = sentCount(personalChat(proposer));
    await world.scheduler.runOnce();
    const reminders = cardsIn(personalChat(proposer), beforeReminder).filter((card) => cardText(card).includes('導入費用の見積り'));
    expect(reminders).toHaveLength(1);
    const done = findAction(reminders[0], '完了にする') as { verb: string; data: Record<string, unknown> & { noteInput: string } };
    const answer = await talk.act(proposer, done.verb, { ...done.data, [done.data.noteInput]: '見積りを事務局に提出した。' });
    expect(cardText(answer.value)).toContain('「導入費用の見積り」を完了にしました。');
    expect((await mine.call('GET', '/api/v1/action-items/mine')).json()).toEqual([]);
    // No second reminder for a done item.
    clock.set(jst('2024-06-13T09:00:00'));
    const afterDone = sentCount(personalChat(proposer));
    await world.scheduler.runOnce();
    expect(cardsIn(personalChat(proposer), afterDone).filter((card) => cardText(card).includes('導入費用の見積り'))).toEqual([]);
  });
});
