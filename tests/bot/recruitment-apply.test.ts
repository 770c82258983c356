import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import { APPLY_VERB } from '../../bot/cards/recruitment-cards.js';
import { DEMO_IDS, ensureDemoItems } from '../../server/demo-data.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startBotHarness, teamsUser, type BotHarness, type TeamsUser } from '../support/bot-harness.js';
import { click, conversationWith, findAction, type TeamsLocale } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';

const jst = (text: string) => new Date(`${text}+09:00`);
/** 主任 in the demo directory. */
const chief = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');
/** 課長級. */
const sectionChief = teamsUser('seisaku-kikaku.kacho@example.jp', '橋本 拓也');
/** 区長: 特別職, whom no role admits. */
const mayor = teamsUser('kucho@example.jp', '山田 太郎');

/** The values of the role ChoiceSet: what a person can pick. */
function roleChoices(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Input.ChoiceSet' && record.id === 'desiredRole')
        found.push(...(record.choices as { value: string }[]).map((choice) => choice.value));
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('applying for a proposal-based PT through /api/messages', () => {
  // 10 May 2024: the demo recruitment opened on 7 May and takes applications until the end of 20 May.
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;
  let bot: BotHarness;
  let talk: ReturnType<typeof conversationWith>;

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    await ensureDemoItems(ctx);
    bot = await startBotHarness(ctx);
    talk = conversationWith(bot);
    for (const user of [chief, sectionChief, mayor]) bot.enrol(`a:1personal-${user.account.aadObjectId}`, [user]);
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  async function openForm(user: TeamsUser, locale: TeamsLocale = 'ja-JP'): Promise<AdaptiveCard> {
    const list = (await talk.say(user, locale === 'ja-JP' ? '公募' : 'recruit', locale)).cards[0]!;
    const open = click(list, locale === 'ja-JP' ? '応募する' : 'Apply');
    const form = (await talk.act(user, open.verb, open.data, locale)).value as AdaptiveCard;
    expect(cardProblems(form)).toEqual([]);
    return form;
  }
  const applicationOf = (user: TeamsUser) =>
    ctx.store.repositories.staff.findByUpn(user.upn).then((staff) => ctx.store.repositories.recruitment.findApplication(DEMO_IDS.recruitment, staff!.id));

  it('writes the deadline as its last day, 「…まで」, on the list and on the form', async () => {
    const list = cardText((await talk.say(chief, '公募')).cards[0]);
    expect(list).toContain('令和6年5月20日（月）まで');
    expect(list).not.toContain('5月21日');
    expect(cardText(await openForm(chief))).toContain('令和6年5月20日（月）まで');
    await talk.choose(chief, 'en');
    expect(cardText((await talk.say(chief, 'recruit', 'en-US')).cards[0])).toContain('until Mon 20 May 2024');
    await talk.choose(chief, 'ja');
  });

  it('offers a 主任 only the member role, and says why PM and PL are not offered', async () => {
    const form = await openForm(chief);
    expect(roleChoices(form)).toEqual(['member']);
    const text = cardText(form);
    expect(text).toContain('メンバー（主任以下）');
    expect(text).toContain('プロジェクトマネージャーは部長級・課長級の職員が対象です（あなたの職層: 主任）。');
    expect(text).toContain('プロジェクトリーダーは係長級の職員が対象です（あなたの職層: 主任）。');
    await talk.choose(chief, 'en');
    const english = cardText(await openForm(chief, 'en-US'));
    expect(english).toContain('The project manager role is open to: director or section chief (your grade: chief).');
    await talk.choose(chief, 'ja');
    expect(roleChoices(await openForm(sectionChief))).toEqual(['pm']);
  });

  it('refuses a forged PM submit by a 主任 with the localised reason, and saves nothing', async () => {
    const forged = await talk.act(chief, APPLY_VERB, { verb: APPLY_VERB, projectId: DEMO_IDS.recruitment, desiredRole: 'pm', motivation: 'PMをやりたい' });
    expect(forged.statusCode).toBe(200);
    expect(cardText(forged.value)).toContain('プロジェクトマネージャーは部長級・課長級の職員が対象です（あなたの職層: 主任）。');
    expect(cardText(forged.value)).not.toContain('応募しました');
    await talk.choose(chief, 'en');
    const english = await talk.act(chief, APPLY_VERB, { verb: APPLY_VERB, projectId: DEMO_IDS.recruitment, desiredRole: 'pl', motivation: 'PL' }, 'en-US');
    expect(cardText(english.value)).toContain('The project leader role is open to: subsection chief (your grade: chief).');
    await talk.choose(chief, 'ja');
    expect(await applicationOf(chief)).toBeUndefined();
  });

  it('says beforehand and afterwards that a second application replaces the first', async () => {
    const first = click(await openForm(chief), '応募する', { desiredRole: 'member', motivation: '窓口業務の経験を活かしたい' });
    expect(cardText((await talk.act(chief, first.verb, first.data)).value)).toContain('に応募しました。');

    clock.set(jst('2024-05-11T09:30:00'));
    const again = await openForm(chief);
    expect(cardText(again)).toContain('現在の応募: メンバー（令和6年5月10日（金）10:00）。もう一度応募すると、この応募内容を更新します');
    expect(findAction(again, '応募する')).toBeUndefined();
    const update = click(again, '応募内容を更新する', { desiredRole: 'member', motivation: '経験を活かして窓口を変えたい' });
    const replaced = cardText((await talk.act(chief, update.verb, update.data)).value);
    expect(replaced).toContain('の応募内容を更新しました（前回: メンバー・令和6年5月10日（金）10:00）。');
    expect(await applicationOf(chief)).toMatchObject({
      motivation: '経験を活かして窓口を変えたい',
      earlierVersions: [{ motivation: '窓口業務の経験を活かしたい' }],
    });
    expect(await ctx.store.repositories.recruitment.listApplications(DEMO_IDS.recruitment)).toHaveLength(1);
  });

  it('tells a special-post holder plainly that no role is open, with nothing to submit', async () => {
    const form = await openForm(mayor);
    expect(cardText(form)).toContain('あなたの職層（特別職）で応募できる役割はありません。');
    expect(roleChoices(form)).toEqual([]);
    expect(findAction(form, '応募する')).toBeUndefined();
    const forged = await talk.act(mayor, APPLY_VERB, { verb: APPLY_VERB, projectId: DEMO_IDS.recruitment, desiredRole: 'member', motivation: '参加したい' });
    expect(cardText(forged.value)).toContain('あなたの職層（特別職）で応募できる役割はありません。');
    expect(await applicationOf(mayor)).toBeUndefined();
  });
});
