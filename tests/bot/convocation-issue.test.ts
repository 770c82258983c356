import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { recordPostAbsence } from '../../shared/use-cases/post-absences.js';
import { startBotHarness, teamsUser, type BotHarness, type TeamsUser } from '../support/bot-harness.js';
import { click, conversationWith, shown } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { conversationAt, notificationScheduler, subscribe } from '../support/notification-harness.js';
import { openProgrammeContext } from '../support/programme-store.js';
import { personalInstallation } from '../support/teams-activities.js';

const jst = (text: string) => new Date(`${text}+09:00`);
const mayor = teamsUser('kucho@example.jp', '山田 太郎');
const deputy1 = teamsUser('fukukucho1@example.jp', '佐藤 一郎');
const secretariat = teamsUser('seisaku-kikaku.jimukyoku@example.jp', '松田 健太');
const HQ_CHANNEL = '19:hq-channel@thread.tacv2';
const personalChat = (user: TeamsUser) => `a:1personal-${user.account.aadObjectId}`;

/** Every element of a card of one type. */
function elementsOf(node: unknown, type: string, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const item of node) elementsOf(item, type, found);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === type) found.push(record);
    for (const value of Object.values(record)) elementsOf(value, type, found);
  }
  return found;
}

describe('a draft convocation issued from the chair’s personal chat (要綱 art. 4, 4(2), 7)', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;
  let bot: BotHarness;
  let talk: ReturnType<typeof conversationWith>;
  const cardsIn = (conversationId: string, before = 0) =>
    bot.connector
      .received({ conversationId, operation: 'sendToConversation' })
      .slice(before)
      .flatMap((request) => ((request.body?.attachments as { content: AdaptiveCard }[] | undefined) ?? []).map((attachment) => attachment.content));

  const install = async (user: TeamsUser) => {
    expect((await bot.post(personalInstallation(user.account, { serviceUrl: bot.connector.url, id: `install-${user.upn}` }))).status).toBe(200);
  };

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    bot = await startBotHarness(ctx);
    talk = conversationWith(bot);
    for (const user of [mayor, deputy1, secretariat]) bot.enrol(personalChat(user), [user]);
    await install(mayor);
    await subscribe(ctx, conversationAt(bot.connector, HQ_CHANNEL), ['convocations'], { bodyId: 'hq' });
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  it('turns the secretariat’s 招集 into a draft that sends nothing to members, and gives the mayor an issue card (art. 7)', async () => {
    const form = (await talk.say(secretariat, '招集')).cards[0]!;
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toContain('招集案を作成');
    // Pressing 「招集する」 with HQ chosen brings the form back with the reason, keeping what was typed; nothing is made.
    const wrong = click(form, '招集する', { bodyId: 'hq', date: '2024-07-19', startTime: '10:00', endTime: '11:00', agenda: 'PT進捗報告' });
    const back = await talk.act(secretariat, wrong.verb, wrong.data);
    expect(cardText(back.value)).toContain('招集案を作成できます');
    expect(cardText(back.value)).toContain('PT進捗報告');
    expect(await ctx.store.repositories.meetings.get(String(wrong.data.meetingId))).toBeFalsy();
    const submit = click(form, '招集案を作成', {
      bodyId: 'hq',
      date: '2024-07-19',
      startTime: '10:00',
      endTime: '11:00',
      place: '第1委員会室',
      agenda: 'PT進捗報告',
      guests: '外部 有識者\n民間 委員',
    });
    const answer = await talk.act(secretariat, submit.verb, submit.data);
    expect(cardText(answer.value)).toContain('招集案を作成しました');
    expect(cardText(answer.value)).toContain('招集案（未発出）');
    const meetingId = String(submit.data.meetingId);
    expect((await ctx.store.repositories.meetings.get(meetingId))?.status).toBe('prepared');

    // A member's 会議 list does not show the draft; the secretariat's does.
    expect(cardText((await talk.say(deputy1, '会議 本部')).cards[0])).not.toContain('招集案（未発出）');
    expect(cardText((await talk.say(secretariat, '会議 本部')).cards[0])).toContain('招集案（未発出）');

    await notificationScheduler(ctx).runOnce();
    expect(cardsIn(HQ_CHANNEL)).toEqual([]);
    const [issue] = cardsIn(personalChat(mayor));
    expect(issue, 'an issue card in the mayor’s chat').toBeDefined();
    expect(cardProblems(issue!)).toEqual([]);
    expect(issue!.version).toBe('1.5');
    const text = cardText(issue);
    for (const expected of ['招集案の発出', '松田 健太', '令和6年7月19日（金）10:00〜11:00', '第1委員会室']) expect(text).toContain(expected);
    expect(elementsOf(issue, 'Input.Toggle').map((toggle) => toggle.title)).toEqual(['外部 有識者', '民間 委員']);
    expect(elementsOf(issue, 'Action.Execute').map((action) => action.title)).toEqual(['招集する']);
  });

  it('refuses the secretariat pressing the issue card’s button with the reason, and still sends nothing', async () => {
    const [issue] = cardsIn(personalChat(mayor));
    const press = click(issue!, '招集する');
    const refused = await talk.act(secretariat, press.verb, press.data);
    expect(refused.statusCode).toBe(403);
    expect(shown(refused)).toContain('本部長');
    await notificationScheduler(ctx).runOnce();
    expect(cardsIn(HQ_CHANNEL)).toEqual([]);
  });

  it('lets the mayor issue with the guests left on, and only then is the convocation posted (art. 4(2))', async () => {
    const [issue] = cardsIn(personalChat(mayor));
    const [keep, drop] = elementsOf(issue, 'Input.Toggle').map((toggle) => String(toggle.id));
    const press = click(issue!, '招集する', { [keep!]: 'true', [drop!]: 'false' });
    const issued = await talk.act(mayor, press.verb, press.data);
    expect(issued.statusCode).toBe(200);
    expect(cardProblems(issued.value as AdaptiveCard)).toEqual([]);
    expect(cardText(issued.value)).toContain('招集通知を発出しました');
    const meeting = await ctx.store.repositories.meetings.get(String(press.data.meetingId));
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers `any`
    expect(meeting).toMatchObject({ status: 'convened', convenedByStaffId: expect.any(String), guests: [{ name: '外部 有識者' }] });

    await notificationScheduler(ctx).runOnce();
    const [convocation] = cardsIn(HQ_CHANNEL);
    expect(convocation, 'the convocation in the HQ channel').toBeDefined();
    expect(cardText(convocation)).toContain('会議の招集通知');
    expect(cardText(convocation)).toContain('外部 有識者');
    expect(cardText(convocation)).not.toContain('民間 委員');
    // A second press changes nothing and sends nothing more.
    expect((await talk.act(mayor, press.verb, press.data)).statusCode).toBe(200);
    await notificationScheduler(ctx).runOnce();
    expect(cardsIn(HQ_CHANNEL)).toHaveLength(1);
  });

  it('offers the mayor the convene form directly, and the 1st-rank deputy only while the mayor is recorded absent (art. 3(4))', async () => {
    expect(cardText((await talk.say(mayor, '招集')).cards[0])).toContain('会議の招集');
    expect((await talk.say(deputy1, '招集')).texts.join()).toContain('招集できる会議体はありません');
    const recordedBy = (await ctx.store.repositories.staff.findByUpn(secretariat.upn))!;
    await recordPostAbsence(ctx, recordedBy, { postId: 'kucho', kind: 'absent', from: jst('2024-05-10T00:00:00'), until: jst('2024-05-11T00:00:00') });
    const form = (await talk.say(deputy1, '招集')).cards[0]!;
    expect(cardText(form)).toContain('会議の招集');
    const submit = click(form, '招集する', { bodyId: 'hq', date: '2024-07-26', startTime: '10:00', endTime: '11:00', agenda: '臨時' });
    const convened = await talk.act(deputy1, submit.verb, submit.data);
    expect(cardText(convened.value)).toContain('招集済み');
    clock.set(jst('2024-05-11T00:00:00'));
    expect((await talk.say(deputy1, '招集')).texts.join()).toContain('招集できる会議体はありません');
  });
});
