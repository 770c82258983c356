import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startBotHarness, teamsUser, type BotHarness } from '../support/bot-harness.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';
import { click, conversationWith } from '../support/bot-conversation.js';

const jst = (text: string) => new Date(`${text}+09:00`);
const staffMember = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');
const sectionChief = teamsUser('chiiki-gyosei.kacho@example.jp', '石井 雅人');
const stranger = teamsUser('visitor@example.jp', '来訪 者');

describe('the proposal story in a personal chat, over HTTP', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;
  let bot: BotHarness;

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    bot = await startBotHarness(ctx);
    for (const user of [staffMember, sectionChief, stranger]) bot.enrol(`a:1personal-${user.account.aadObjectId}`, [user]);
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  const talk = () => conversationWith(bot);
  const say = (...args: Parameters<ReturnType<typeof conversationWith>['say']>) => talk().say(...args);
  const act = (...args: Parameters<ReturnType<typeof conversationWith>['act']>) => talk().act(...args);
  const choose = (...args: Parameters<ReturnType<typeof conversationWith>['choose']>) => talk().choose(...args);

  it('opens the proposal form with the individual track for a chief, showing the deadline', async () => {
    const { cards } = await say(staffMember, '提案');
    expect(cards).toHaveLength(1);
    const form = cards[0]!;
    expect(cardProblems(form)).toEqual([]);
    const text = cardText(form);
    expect(text).toContain('職員個人提案');
    expect(text).toContain('令和6年5月17日');
  });

  it('submits at 23:59 JST on 17 May and replaces the form with a receipt', async () => {
    clock.set(jst('2024-05-17T23:59:00'));
    const [form] = (await say(staffMember, '提案')).cards;
    const { verb, data } = click(form!, '提出する', {
      track: 'individual',
      title: '窓口の[予約](https://evil.example)システム',
      summary: '*来庁*予約をオンライン化する',
      expectedEffect: '待ち時間の短縮',
    });
    const response = await act(staffMember, verb, data);
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
    const receipt = response.value as AdaptiveCard;
    expect(cardProblems(receipt)).toEqual([]);
    const text = cardText(receipt);
    expect(text).toMatch(/R6-新規-\d{3}/);
    expect(text).toContain('提案を受け付けました');
    // What the user typed is shown as typed: never a link or emphasis.
    expect(JSON.stringify(receipt)).not.toContain('](https://evil.example)');

    // A double click finds the same record and number.
    const again = (await act(staffMember, verb, data)).value as AdaptiveCard;
    expect(cardText(again).match(/R6-新規-\d{3}/)?.[0]).toBe(text.match(/R6-新規-\d{3}/)?.[0]);
    const mine = await ctx.store.repositories.proposals.list({ callId: 'fy2024-new-initiative' });
    expect(mine.filter((proposal) => proposal.title.startsWith('窓口の'))).toHaveLength(1);
  });

  it('refuses the same submission at 00:00 JST on 18 May with the deadline, keeping what was typed', async () => {
    clock.set(jst('2024-05-17T23:58:00'));
    const [form] = (await say(staffMember, '提案')).cards;
    clock.set(jst('2024-05-18T00:00:00'));
    const { verb, data } = click(form!, '提出する', { track: 'individual', title: '遅れた提案', summary: '概要', expectedEffect: '効果' });
    const response = await act(staffMember, verb, data);
    const card = response.value as AdaptiveCard;
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('締め切りました');
    expect(text).toContain('2024-05-17');
    expect(text).toContain('遅れた提案');
    expect(await ctx.store.repositories.proposals.get(data.proposalId as string)).toBeUndefined();
  });

  it('refuses a department proposal for another department, naming it, in English too', async () => {
    clock.set(jst('2024-06-10T10:00:00'));
    await choose(sectionChief, 'en');
    const [form] = (await say(sectionChief, 'propose', 'en-US')).cards;
    const { verb, data } = click(form!, 'Submit', {
      track: 'department',
      departmentUnitId: 'somu-bu',
      title: 'Shared drive',
      summary: 'One drive',
      expectedEffect: 'Less paper',
    });
    const card = (await act(sectionChief, verb, data, 'en-US')).value as AdaptiveCard;
    expect(cardText(card)).toContain('Only staff of 総務部 may submit its department proposal.');
    expect(await ctx.store.repositories.proposals.get(data.proposalId as string)).toBeUndefined();
    await choose(sectionChief, 'ja');
  });

  it('lists my proposals with state and receipt number', async () => {
    const { cards } = await say(staffMember, '自分の提案');
    expect(cardProblems(cards[0]!)).toEqual([]);
    expect(cardText(cards[0]!)).toMatch(/提出済み[\s\S]*R6-新規-\d{3}/);
  });

  it('lets someone outside the directory read but not propose, and says whom to ask', async () => {
    const { texts } = await say(stranger, '提案');
    expect(texts.join()).toContain('政策企画課');
    const response = await act(stranger, 'proposal.submit', { verb: 'proposal.submit', proposalId: 'x', callId: 'fy2024-new-initiative', title: 't' });
    expect(response.statusCode).toBe(403);
    expect(response.type).toBe('application/vnd.microsoft.error');
  });

  it('answers a malformed action with a 400 error object, not a stack', async () => {
    const response = await act(staffMember, 'proposal.submit', { verb: 'proposal.submit', proposalId: 'x'.repeat(500), callId: 'c' });
    expect(response).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(JSON.stringify(response)).not.toMatch(/at .*\.ts/);
  });
});
