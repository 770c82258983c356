import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../../shared/ports/store.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startBotHarness, teamsUser, type BotHarness } from '../support/bot-harness.js';
import { conversationWith } from '../support/bot-conversation.js';
import { cardText } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';

const chief = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');

/** The same store, with the PT list taking `delayMs` (a busy database). */
function slowTeams(ctx: UseCaseContext, delayMs: number): UseCaseContext {
  const repositories: Repositories = {
    ...ctx.store.repositories,
    projectTeams: {
      ...ctx.store.repositories.projectTeams,
      list: async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return ctx.store.repositories.projectTeams.list();
      },
    },
  };
  return { ...ctx, store: { ...ctx.store, repositories } };
}

describe('typing indicator for slow answers', () => {
  let ctx: UseCaseContext;
  let bot: BotHarness;

  beforeAll(async () => {
    ctx = await openProgrammeContext(new ManualClock(new Date('2024-05-10T01:00:00Z')));
    bot = await startBotHarness(slowTeams(ctx, 400), { typingDelayMs: 100 });
    bot.enrol(`a:1personal-${chief.account.aadObjectId}`, [chief]);
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  it('shows typing first when the answer takes longer than the delay, then the answer', async () => {
    const { sent, cards } = await conversationWith(bot).say(chief, 'PT一覧');
    expect(sent.map((activity) => activity.type)).toEqual(['typing', 'message']);
    expect(cardText(cards[0])).toContain('PT一覧');
  });
});
