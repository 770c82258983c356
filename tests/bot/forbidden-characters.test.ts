import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TURN_ERROR_TEXT } from '../../bot/adapter/turn-error.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startBotHarness, teamsUser, type BotHarness } from '../support/bot-harness.js';
import { click, conversationWith } from '../support/bot-conversation.js';
import { cardText } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';
import { STORE_VARIANTS } from '../support/test-store.js';
import { adaptiveCardAction, groupChatMessage, personalMessage, type TeamsActivity } from '../support/teams-activities.js';

const jst = (text: string) => new Date(`${text}+09:00`);
const NUL = '\u0000';
const LONE = '\ud800';
const FFFD = '\uFFFD';
const staffMember = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');
const secretariat = teamsUser('seisaku-kikaku.jimukyoku@example.jp', '松田 健太');
const GROUP_CHAT = '19:meeting-group-chat@thread.v2';

/**
 * What Teams sends is not ours to refuse: a chat name, a display name, a message or a card's
 * input holding NUL or a lone surrogate is kept with U+FFFD in its place, and the turn works.
 * PostgreSQL refuses a NUL even as a query's parameter, which PGlite lets pass, so both are tried.
 */
describe.each(STORE_VARIANTS)('activities whose text the store cannot keep, over /api/messages, on $name', (variant) => {
  describe.skipIf(variant.skipReason !== undefined)(variant.skipReason ?? 'runs', () => {
    const clock = new ManualClock(jst('2024-05-10T10:00:00'));
    let ctx: UseCaseContext;
    let bot: BotHarness;
    const personal = `a:1personal-${staffMember.account.aadObjectId}`;

    beforeAll(async () => {
      ctx = await openProgrammeContext(clock, variant.open);
      bot = await startBotHarness(ctx);
      bot.enrol(personal, [staffMember]);
      bot.enrol(GROUP_CHAT, [staffMember, secretariat]);
    });
    afterAll(async () => {
      await bot?.close();
      await ctx?.store.close();
    });

    /** Posts an activity and returns the texts and cards the bot sent to its conversation. */
    async function post(activity: TeamsActivity): Promise<{ status: number; body: unknown; sent: string }> {
      const before = bot.connector.received({ conversationId: activity.conversation.id }).length;
      const { status, body } = await bot.post(activity);
      const sent = bot.connector
        .received({ conversationId: activity.conversation.id })
        .slice(before)
        .map((request) => JSON.stringify(request.body ?? {}))
        .join('\n');
      return { status, body, sent };
    }

    it('answers in a group chat whose name holds NUL and a lone surrogate, turn after turn, keeping the name with U+FFFD', async () => {
      for (const text of ['会議', 'ヘルプ']) {
        const activity = groupChatMessage(text, { serviceUrl: bot.connector.url, from: { ...secretariat.account, name: `松田${NUL}健太` } });
        const { status, sent } = await post({ ...activity, conversation: { ...activity.conversation, name: `PT${NUL}定例${LONE}` } } as TeamsActivity);
        expect(status).toBe(200);
        expect(sent).not.toContain(TURN_ERROR_TEXT.ja);
        expect(sent.length).toBeGreaterThan(0);
      }
      expect(await ctx.store.repositories.conversations.get(GROUP_CHAT)).toMatchObject({ kind: 'groupChat', name: `PT${FFFD}定例${FFFD}`, active: true });
    });

    it('answers a message whose text holds NUL and a lone surrogate', async () => {
      const { status, sent } = await post(
        personalMessage(`好事例 Teams${NUL}活用${LONE}`, { serviceUrl: bot.connector.url, from: { ...staffMember.account, name: `西村${LONE}翔` } }),
      );
      expect(status).toBe(200);
      expect(sent).not.toContain(TURN_ERROR_TEXT.ja);
      expect(sent).not.toMatch(/\\u0000|\\ud800/);
      expect(sent.length).toBeGreaterThan(0);
    });

    it('answers someone whose UPN in the Teams roster holds a NUL as someone the directory does not know', async () => {
      // Only the roster's answer holds the NUL: the activity itself is clean.
      const odd = { upn: `visitor${NUL}@example.jp`, account: { id: '29:visitor-odd', name: '来訪 者', aadObjectId: '7e57a11e-0000-4000-8000-00000000000d' } };
      bot.enrol(`a:1personal-${odd.account.aadObjectId}`, [odd]);
      const { status, sent } = await post(personalMessage('ヘルプ', { serviceUrl: bot.connector.url, from: odd.account }));
      expect(status).toBe(200);
      expect(sent).not.toContain(TURN_ERROR_TEXT.ja);
      expect(sent).toContain('職員名簿に登録がない');
    });

    it('submits a proposal (Action.Execute) whose typed fields hold NUL and a lone surrogate, stored with U+FFFD', async () => {
      const talk = conversationWith(bot);
      const [form] = (await talk.say(staffMember, '提案')).cards;
      const { verb, data } = click(form!, '提出する', {
        track: 'individual',
        title: `窓口${NUL}予約`,
        summary: `来庁${LONE}予約をオンライン化`,
        expectedEffect: '待ち時間の短縮',
      });
      const response = await bot.post(adaptiveCardAction(verb, data, { serviceUrl: bot.connector.url, from: staffMember.account }));
      expect(response.status).toBe(200);
      const text = cardText((response.body as { value: unknown }).value);
      expect(text).toContain('提案を受け付けました');
      const stored = (await ctx.store.repositories.proposals.list({ callId: 'fy2024-new-initiative' })).find((proposal) => proposal.id === data.proposalId);
      expect(stored).toMatchObject({ state: 'submitted', title: `窓口${FFFD}予約`, summary: `来庁${FFFD}予約をオンライン化` });
    });

    it('saves a draft from an Action.Submit fallback (a message carrying the card values) holding NUL', async () => {
      const talk = conversationWith(bot);
      const [form] = (await talk.say(staffMember, '提案')).cards;
      const { verb, data } = click(form!, '下書き保存', { track: 'individual', title: `下書き${NUL}件名`, summary: '', expectedEffect: '' });
      const activity = {
        ...personalMessage('', { serviceUrl: bot.connector.url, from: staffMember.account }),
        text: undefined,
        value: { ...data, verb },
      } as unknown as TeamsActivity;
      const { status, sent } = await post(activity);
      expect(status).toBe(200);
      expect(sent).not.toContain(TURN_ERROR_TEXT.ja);
      expect(await ctx.store.repositories.proposals.get(data.proposalId as string)).toMatchObject({ state: 'draft', title: `下書き${FFFD}件名` });
    });
  });
});
