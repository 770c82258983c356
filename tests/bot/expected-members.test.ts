import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startBotHarness, teamsUser, type BotHarness } from '../support/bot-harness.js';
import { conversationWith } from '../support/bot-conversation.js';
import { cardText } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';

/** A 主任 of 地域振興課（世田谷）, a section the PT list never names: only 各支所地域振興課 and 各総合支所 cover it. */
const setagaya = teamsUser('setagaya.shunin@example.jp', '太田 陽介');
const finance = teamsUser('zaisei.kacho@example.jp', '藤田 剛');

describe('the bot shows who a PT expects (２（２） 想定メンバー)', () => {
  let ctx: UseCaseContext;
  let bot: BotHarness;
  let talk: ReturnType<typeof conversationWith>;
  beforeAll(async () => {
    ctx = await openProgrammeContext(new ManualClock(new Date('2024-05-10T10:00:00+09:00')));
    bot = await startBotHarness(ctx);
    talk = conversationWith(bot);
    for (const user of [setagaya, finance]) bot.enrol(`a:1personal-${user.account.aadObjectId}`, [user]);
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  it('tells a staff member of 地域振興課（世田谷） that 1-38’s 各支所地域振興課 includes them, printed as the document prints it', async () => {
    const card = cardText((await talk.say(setagaya, 'PT 1-38')).cards[0]);
    expect(card).toContain('想定メンバー');
    expect(card).toContain('各支所地域振興課');
    expect(card).toContain('地域振興課（世田谷）は想定メンバーに含まれます');
    expect(card).not.toContain('構成員（想定）');
  });

  it('prints 支所地域振興課 as 1-5 prints it, and says nothing about a unit the team does not expect', async () => {
    const card = cardText((await talk.say(finance, 'PT 1-5')).cards[0]);
    expect(card).toContain('支所地域振興課');
    expect(card).not.toContain('各支所地域振興課');
    expect(card).not.toContain('想定メンバーに含まれます');
  });

  it('says so in English to a person who reads English (1-30: 各総合支所 covers every branch’s sections)', async () => {
    await talk.say(setagaya, 'language en');
    const card = cardText((await talk.say(setagaya, 'PT 1-30', 'en-US')).cards[0]);
    expect(card).toContain('Expected members');
    expect(card).toContain('地域振興課（世田谷） is among the expected members');
  });
});
