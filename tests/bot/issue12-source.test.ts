import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startBotHarness, teamsUser, type BotHarness } from '../support/bot-harness.js';
import { conversationWith } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';

const chief = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');

describe('issue 12 rules 7–9 in the chat bot', { timeout: 120_000 }, () => {
  let ctx: UseCaseContext;
  let bot: BotHarness;
  let talk: ReturnType<typeof conversationWith>;
  beforeAll(async () => {
    ctx = await openProgrammeContext(new ManualClock(new Date('2024-06-20T00:00:00Z')));
    bot = await startBotHarness(ctx);
    talk = conversationWith(bot);
    bot.enrol(`a:1personal-${chief.account.aadObjectId}`, [chief]);
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  it('ＰＴ一覧 1-4: 「PT 問い合わせ」 and 「PT お問合せ」 both answer with 1-4 お問合せセンター運営業務の再構築', async () => {
    for (const words of ['PT 問い合わせ', 'PT お問合せ', 'pt お問い合わせ']) {
      const answer = await talk.say(chief, words);
      expect(answer.cards, words).toHaveLength(1);
      const text = cardText(answer.cards[0]);
      expect(text, words).toContain('お問合せセンター運営業務の再構築');
      expect(text, words).toContain('問い合わせを減らすための発信の質の向上');
      expect(cardProblems(answer.cards[0]!)).toEqual([]);
    }
    expect((await talk.say(chief, 'PT 存在しない語')).texts.join()).toContain('当てはまるPTは見つかりません');
  });

  it('２（２） 5-13: the PT card names 災害対策課 beside topics ① and ⑥', async () => {
    const text = cardText((await talk.say(chief, 'PT 5-13')).cards[0]);
    expect(text).toContain('① 在宅避難の推進（災害対策課中心）');
    expect(text).toContain('⑥ 物資供給体制の整備（災害対策課中心）');
    expect(text).toContain('② 自助共助の強化');
    expect(text).not.toContain('② 自助共助の強化（');
  });

  it('３（１）※: the practice list says whether each practice is in operation', async () => {
    const answer = await talk.say(chief, '好事例');
    const text = cardText(answer.cards[0]);
    expect(text).toContain('運用中');
    expect(text).not.toContain('実施・運用開始予定');
  });
});
