import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startBotHarness, teamsUser, type BotHarness } from '../support/bot-harness.js';
import { conversationWith, findAction, shown } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { confirmedHqMeetingWithActions } from '../support/minutes-fixture.js';
import { openProgrammeContext } from '../support/programme-store.js';

const jst = (text: string) => new Date(`${text}+09:00`);
/** 地域行政課 主任: owns one action item, and shares the unit's. */
const chief = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');
const welfare = teamsUser('koreifukushi.shuji@example.jp', '藤原 蓮');

/** The "done" button of the action item titled `title` on a card: every item has one, all titled alike. */
function doneButton(card: AdaptiveCard, title: string): { verb: string; data: Record<string, unknown> } {
  const containers = card.body.filter((element) => JSON.stringify(element).includes(title));
  const action = findAction(containers, '完了にする');
  if (!action) throw new Error(`no done button for ${title}: ${cardText(card)}`);
  return { verb: action.verb as string, data: action.data as Record<string, unknown> };
}

describe('自分のタスク: action items from confirmed minutes, in the bot', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;
  let bot: BotHarness;
  let talk: ReturnType<typeof conversationWith>;

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    bot = await startBotHarness(ctx);
    talk = conversationWith(bot);
    const owner = (await ctx.store.repositories.staff.findByUpn(chief.upn))!;
    await confirmedHqMeetingWithActions(ctx, clock, 'hq-tasks', [
      { title: '費用対効果の試算', owner: { kind: 'staff', staffId: owner.id }, dueOn: '2024-06-14' },
      { title: '他自治体の事例調査', owner: { kind: 'unit', unitId: owner.unitId! }, dueOn: '2024-05-17' },
    ]);
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  it('lists the person’s and their unit’s open items, soonest first, with the meeting and an overdue mark', async () => {
    const card = (await talk.say(chief, '自分のタスク')).cards[0]!;
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text.indexOf('他自治体の事例調査')).toBeLessThan(text.indexOf('費用対効果の試算'));
    expect(text).toContain('令和6年5月17日（金） （期限超過）');
    expect(text).toContain('第1回 本部');
    expect(text).toContain('地域行政課');
    await talk.choose(chief, 'en');
    const english = (await talk.say(chief, 'tasks', 'en-US')).cards[0]!;
    expect(cardText(english)).toContain('My tasks');
    expect(cardText(english)).toContain('(overdue)');
    await talk.choose(chief, 'ja');
  });

  it('marks an item done with the note typed beside it, and the list comes back without it', async () => {
    const card = (await talk.say(chief, 'タスク')).cards[0]!;
    const done = doneButton(card, '費用対効果の試算');
    const answer = await talk.act(chief, done.verb, { ...done.data, [done.data.noteInput as string]: '試算を提出した。' });
    expect(answer.statusCode).toBe(200);
    expect(shown(answer)).toContain('「費用対効果の試算」を完了にしました。');
    expect(shown(answer)).not.toContain('期限 令和6年6月14日');
    const item = (await ctx.store.repositories.actionItems.list({ status: 'done' }))[0]!;
    expect(item).toMatchObject({ title: '費用対効果の試算', doneNote: '試算を提出した。' });
  });

  it('refuses someone who neither owns the item nor is in the owning unit, saying who may', async () => {
    const card = (await talk.say(chief, 'タスク')).cards[0]!;
    const done = doneButton(card, '他自治体の事例調査');
    const refused = await talk.act(welfare, done.verb, done.data);
    expect(refused.statusCode).toBe(403);
    expect(shown(refused)).toContain('担当者（担当課の職員）か事務局');
    expect((await ctx.store.repositories.actionItems.list({ status: 'open' })).map((entry) => entry.title)).toEqual(['他自治体の事例調査']);
  });

  it('tells someone with nothing to do so', async () => {
    expect(cardText((await talk.say(welfare, 'タスク')).cards[0]!)).toContain('未完了の対応事項はありません。');
  });
});
