import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startBotHarness, teamsUser, type BotHarness } from '../support/bot-harness.js';
import { click, conversationWith } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';

/**
 * ４（２）提案募集方法: the department survey (調査票) also asks about 「令和６年度取組み項目における課題等」.
 * In the bot's proposal card: the question is on the new-initiative form, kept on a department
 * proposal, and refused beside its field on an individual one.
 */
const jst = (text: string) => new Date(`${text}+09:00`);
const sectionChief = teamsUser('chiiki-gyosei.kacho@example.jp', '石井 雅人');
const ISSUES = '2‐24 のオンライン相談は接続先の拡大が遅れている。';

/** The input with this id anywhere in the card. */
function inputOf(card: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) return card.map((item) => inputOf(item, id)).find(Boolean);
  if (card && typeof card === 'object') {
    const node = card as Record<string, unknown>;
    if (node.id === id && typeof node.type === 'string' && node.type.startsWith('Input.')) return node;
    return Object.values(node)
      .map((value) => inputOf(value, id))
      .find(Boolean);
  }
  return undefined;
}

describe('４（２）調査票の「令和６年度取組み項目における課題等」 in the bot’s proposal card', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;
  let bot: BotHarness;
  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    bot = await startBotHarness(ctx);
    bot.enrol(`a:1personal-${sectionChief.account.aadObjectId}`, [sectionChief]);
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  const talk = () => conversationWith(bot);
  const form = { title: '地区情報の共有', summary: 'まちづくりセンター間で共有する', expectedEffect: '二重入力の削減' };

  it('asks the question in the document’s words on the new-initiative form', async () => {
    const [card] = (await talk().say(sectionChief, '提案')).cards;
    expect(cardProblems(card!)).toEqual([]);
    expect(inputOf(card, 'currentItemIssues')).toMatchObject({ type: 'Input.Text', isMultiline: true, label: '令和６年度取組み項目における課題等' });
    expect(cardText(card)).toContain('各部提案（調査票）のみ');
  });

  it('keeps the answer on a department proposal submitted from the card', async () => {
    const [card] = (await talk().say(sectionChief, '提案')).cards;
    const { verb, data } = click(card!, '提出する', { ...form, track: 'department', departmentUnitId: 'chiiki-gyosei-bu', currentItemIssues: ISSUES });
    const receipt = (await talk().act(sectionChief, verb, data)).value as AdaptiveCard;
    expect(cardText(receipt)).toContain('提案を受け付けました');
    const stored = await ctx.store.repositories.proposals.get(data.proposalId as string);
    expect(stored).toMatchObject({ track: 'department', departmentUnitId: 'chiiki-gyosei-bu', currentItemIssues: ISSUES });
  });

  it('refuses it on an individual proposal, beside the field, keeping what was typed', async () => {
    const [card] = (await talk().say(sectionChief, '提案')).cards;
    const { verb, data } = click(card!, '提出する', { ...form, track: 'individual', currentItemIssues: ISSUES });
    const again = (await talk().act(sectionChief, verb, data)).value as AdaptiveCard;
    expect(cardProblems(again)).toEqual([]);
    expect(cardText(again)).toContain('各部提案（調査票）でのみ回答できます');
    expect(inputOf(again, 'currentItemIssues')?.value).toBe(ISSUES);
    expect(await ctx.store.repositories.proposals.get(data.proposalId as string)).toBeUndefined();
  });
});
