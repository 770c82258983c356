import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TURN_ERROR_TEXT } from '../../bot/adapter/turn-error.js';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import { DEMO_IDS, ensureDemoItems } from '../../server/demo-data.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { Proposal } from '../../shared/proposals/proposal.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { conveneMeeting, prepareConvocation } from '../../shared/use-cases/meeting-convocation.js';
import { saveProposalDraft, submitProposal } from '../../shared/use-cases/proposal-submission.js';
import { startBotHarness, teamsUser, type BotHarness, type TeamsUser } from '../support/bot-harness.js';
import { click, conversationWith, shown, type TeamsLocale } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';
import { composeQuery, composeQueryLink, composeSelectItem, type ConversationKind } from '../support/teams-activities.js';

const jst = (text: string) => new Date(`${text}+09:00`);
const TEAMS_APP_ID = '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';
const TAB = 'https://app.example.jp/tab/';

/** 地域行政課 主任: ordinary staff, whose unit runs PT 2-24's secretariat. */
const chief = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');
/** HQ's 庶務 (政策企画課): reviews proposals. */
const secretariat = teamsUser('seisaku-kikaku.jimukyoku@example.jp', '松田 健太');
/** 財政課長: on the council's roster. */
const councilMember = teamsUser('zaisei.kacho@example.jp', '藤田 剛');
/** Another member of staff, whose proposals are not the others' business. */
const colleague = teamsUser('koreifukushi.shuji@example.jp', '藤原 蓮');
/** Someone the staff directory does not know. */
const stranger = teamsUser('visitor@partner.example.jp', '来訪 者');

interface Preview {
  contentType: string;
  content: { title: string; text: string; tap?: { type: string; value: unknown } };
}
interface ComposeAttachment {
  contentType: string;
  content: AdaptiveCard;
  preview: Preview;
}
interface ComposeBody {
  composeExtension: { type: 'result' | 'message'; attachmentLayout?: string; attachments?: ComposeAttachment[]; text?: string };
  cacheInfo?: { cacheType: string };
}

/** Every Action.OpenUrl of a card that opens the personal tab, as the tab route it names. */
function tabRoutes(card: AdaptiveCard): string[] {
  return JSON.stringify(card)
    .match(/https:\/\/teams\.microsoft\.com\/l\/entity\/[^"]+/g)!
    .map((link) => (JSON.parse(new URL(link).searchParams.get('context')!) as { subEntityId: string }).subEntityId);
}

describe('the search message extension and link unfurling', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;
  let bot: BotHarness;
  let talk: ReturnType<typeof conversationWith>;
  const staffOf = async (user: TeamsUser): Promise<Staff> => (await ctx.store.repositories.staff.findByUpn(user.upn))!;
  let ptMeetingId: string;
  let draftConvocationId: string;
  let colleagueDraft: Proposal;
  let colleagueSubmitted: Proposal;
  let chiefDraft: Proposal;
  let practiceId: string;

  beforeAll(async () => {
    const opened = await openProgrammeContext(clock);
    ctx = { ...opened, teamsAppId: TEAMS_APP_ID };
    await ensureDemoItems(ctx);
    const at = (day: string, hour: number) => jst(`2024-${day}T${String(hour).padStart(2, '0')}:00:00`);
    // PT 2-24's secretariat convenes its meeting; HQ's 庶務 prepares a draft convocation only the chair may issue.
    ptMeetingId = (
      await conveneMeeting(ctx, await staffOf(chief), {
        meetingId: 'pt-2-24-first',
        bodyId: (await ctx.store.repositories.projectTeams.get('pt-2-24'))!.bodyId,
        startsAt: at('05-20', 14),
        endsAt: at('05-20', 15),
        place: '烏山総合支所 会議室',
        agenda: [{ title: '検討の進め方', kind: 'general' }],
        guests: [],
      })
    ).id;
    draftConvocationId = (
      await prepareConvocation(ctx, await staffOf(secretariat), {
        meetingId: 'hq-draft-convocation',
        bodyId: 'hq',
        startsAt: at('06-10', 10),
        endsAt: at('06-10', 11),
        agenda: [{ title: '非公開の下書き議題', kind: 'general' }],
        guests: [],
      })
    ).id;
    const content = { summary: '窓口の待ち時間を見える化する', expectedEffect: '待ち時間の短縮', callId: DEMO_IDS.call, track: 'individual' as const };
    colleagueDraft = await saveProposalDraft(ctx, await staffOf(colleague), {
      ...content,
      proposalId: 'colleague-draft',
      title: '同僚の下書き提案 2-24関連',
      relatedItem: '2-24',
    });
    colleagueSubmitted = await submitProposal(ctx, await staffOf(colleague), { ...content, proposalId: 'colleague-submitted', title: '同僚の提出済み提案' });
    chiefDraft = await saveProposalDraft(ctx, await staffOf(chief), {
      ...content,
      proposalId: 'chief-draft',
      title: '自分の下書き提案 2-24関連',
      relatedItem: '２‐２４',
    });
    // Thirty practices about 窓口, more than one page of results.
    const [template] = await ctx.store.repositories.practices.list();
    practiceId = template!.id;
    for (let index = 0; index < 30; index++) {
      await ctx.store.repositories.practices.upsert({
        ...template!,
        id: `madoguchi-${index}`,
        number: 100 + index,
        title: `窓口改善の事例${index}`,
        tags: ['窓口'],
      });
    }
    bot = await startBotHarness(ctx, { typingDelayMs: 300, tabHost: 'app.example.jp' });
    talk = conversationWith(bot);
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  const options = (user: TeamsUser, locale: TeamsLocale, conversation: ConversationKind) => ({
    serviceUrl: bot.connector.url,
    from: user.account,
    locale,
    conversation,
  });

  async function post(activity: Parameters<BotHarness['post']>[0]): Promise<ComposeBody> {
    const response = await bot.post(activity);
    expect(response.status).toBe(200);
    return response.body as ComposeBody;
  }

  /** What the person sees in the extension's result list, checked as Teams expects it. */
  async function search(
    user: TeamsUser,
    text: string | undefined,
    { locale = 'ja-JP', where = 'groupChat', skip = 0, count = 25 }: { locale?: TeamsLocale; where?: ConversationKind; skip?: number; count?: number } = {},
  ): Promise<ComposeAttachment[]> {
    // Teams' first run on opening sends no query, only `initialRun`.
    const parameters = text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }];
    const body = await post(composeQuery({ commandId: 'search', parameters, queryOptions: { skip, count } }, options(user, locale, where)));
    return wellFormed(body);
  }

  function wellFormed(body: ComposeBody): ComposeAttachment[] {
    expect(body.composeExtension.type).toBe('result');
    expect(body.composeExtension.attachmentLayout).toBe('list');
    const attachments = body.composeExtension.attachments!;
    expect(attachments.length).toBeLessThanOrEqual(25);
    for (const attachment of attachments) {
      expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardProblems(attachment.content), attachment.preview.content.title).toEqual([]);
      expect(attachment.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      expect(attachment.preview.content.title).toEqual(expect.any(String));
      expect(attachment.preview.content.text).not.toContain('\n');
    }
    return attachments;
  }

  const titles = (results: readonly ComposeAttachment[]) => results.map((result) => result.preview.content.title);
  const everything = (results: readonly ComposeAttachment[]) =>
    results.map((result) => `${result.preview.content.title}\n${cardText(result.content)}`).join('\n');

  describe('search', () => {
    it('finds PT 2-24 first however its item number is typed, then its meeting and the proposals naming it', async () => {
      for (const typed of ['２‐２４', '2-24', ' ２－２４ ', '2‐24']) {
        const results = await search(chief, typed);
        expect(titles(results)[0], typed).toBe('2‐24 オンライン相談・手続き支援の拡充');
        expect(cardText(results[0]!.content)).toContain('接続先拡大の検討');
        expect(results[0]!.preview.content.text).toBe('PT · 部局横断的なPT');
        expect(titles(results)).toContain('第1回 PT 2‐24');
        expect(titles(results)).toContain('自分の下書き提案 2-24関連');
        // Someone else's draft names the same item, and never shows.
        expect(everything(results)).not.toContain('同僚の下書き提案');
      }
      expect(titles(await search(chief, '3-13'))[0]).toBe('3-12/3‐13 補助金・助成金等の申請・受付等業務の効率化');
    });

    it('finds PTs by words of their title or topics, and good practices', async () => {
      expect(titles(await search(chief, '問い合わせ'))).toContain('1-4 お問合せセンター運営業務の再構築');
      const ai = await search(chief, 'ＡＩ');
      expect(titles(ai)).toContain('3. 生成ＡＩを活用した業務改革');
      const practice = ai.find((result) => result.preview.content.title.startsWith('3. '))!;
      expect(practice.preview.content.text).toMatch(/^好事例/);
      expect(cardText(practice.content)).toContain('生成ＡＩを活用した業務改革');
    });

    it('offers the person’s next meetings and the open calls when nothing is typed', async () => {
      const forChief = await search(chief, undefined);
      expect(titles(forChief)).toContain('第1回 PT 2‐24');
      expect(titles(forChief)).toContain('【デモ】新規取組み項目の提案募集');
      expect(titles(forChief)).not.toContain('第1回 推進会議'); // not on the council
      const call = forChief.find((result) => result.preview.content.title === '【デモ】新規取組み項目の提案募集')!;
      expect(call.preview.content.text).toMatch(/^提案募集 · 職員個人提案（職員提案制度） 令和6年5月17日（金）まで — あと7日/);
      const forMember = await search(councilMember, '');
      expect(titles(forMember)[0]).toMatch(/^第\d+回 推進会議$/);
      expect(titles(forMember)).not.toContain('第1回 PT 2‐24');
      // The own draft is among the defaults; nobody else's ever is.
      expect(titles(forChief)).toContain('自分の下書き提案 2-24関連');
      for (const results of [forChief, forMember, await search(secretariat, undefined)]) expect(everything(results)).not.toContain('同僚の');
    });

    it('never offers a draft convocation, not even to the secretariat that prepared it', async () => {
      for (const user of [secretariat, chief, councilMember]) {
        const found = [...(await search(user, undefined)), ...(await search(user, '本部')), ...(await search(user, '非公開'))];
        expect(everything(found), user.upn).not.toContain('非公開の下書き議題');
      }
      expect(titles(await search(secretariat, '本部'))).toContain('第1回 本部');
    });

    it('shows a person their own proposals, and the secretariat submitted ones by others, never someone else’s draft', async () => {
      expect(titles(await search(chief, '提案'))).toContain('自分の下書き提案 2-24関連');
      expect(everything(await search(chief, '同僚'))).not.toContain('同僚の');
      const forSecretariat = await search(secretariat, '同僚');
      expect(titles(forSecretariat)).toEqual(['同僚の提出済み提案']);
      const card = cardText(forSecretariat[0]!.content);
      expect(card).toContain(colleagueSubmitted.receiptNumber);
      expect(card).toContain('藤原 蓮');
      expect(tabRoutes(forSecretariat[0]!.content)).toEqual(['review']);
      expect(colleagueSubmitted.receiptNumber).toMatch(/^R6-/);
      expect(titles(await search(secretariat, colleagueSubmitted.receiptNumber ?? ''))).toEqual(['同僚の提出済み提案']);
      expect(titles(await search(colleague, '同僚'))).toEqual(['同僚の下書き提案 2-24関連', '同僚の提出済み提案']);
    });

    it('returns at most 25 results and pages through the rest', async () => {
      const first = await search(chief, '窓口改善', { count: 50 });
      expect(first).toHaveLength(25);
      const rest = await search(chief, '窓口改善', { skip: 25, count: 25 });
      expect(rest).toHaveLength(5);
      expect(new Set([...titles(first), ...titles(rest)]).size).toBe(30);
    });

    it('answers in English for someone who chose it, with English cards', async () => {
      await talk.choose(chief, 'en');
      try {
        const results = await search(chief, '2-24', { locale: 'en-US' });
        expect(results[0]!.preview.content.text).toBe('PT · Cross-departmental PTs');
        expect(cardText(results[0]!.content)).toContain('Secretariat');
        const meeting = results.find((result) => result.preview.content.title.includes('meeting no. 1'))!;
        expect(meeting.preview.content.text).toBe('Meeting · Mon 20 May 2024, 14:00–15:00 JST · 烏山総合支所 会議室');
        expect(cardText(meeting.content)).toContain('Attend');
      } finally {
        await talk.choose(chief, 'ja');
      }
    });

    it('links every card to its page of the personal tab', async () => {
      const results = await search(chief, '2-24');
      expect(tabRoutes(results[0]!.content)).toEqual(['pts/pt-2-24']);
      const meeting = results.find((result) => result.preview.content.title === '第1回 PT 2‐24')!;
      expect(tabRoutes(meeting.content)).toEqual([`meetings/${ptMeetingId}`]);
      const own = results.find((result) => result.preview.content.title === '自分の下書き提案 2-24関連')!;
      expect(tabRoutes(own.content)).toEqual([`proposals/${chiefDraft.id}`]);
      const call = (await search(chief, undefined)).find((result) => result.preview.content.title === '【デモ】新規取組み項目の提案募集')!;
      expect(tabRoutes(call.content)).toEqual(['proposals']);
    });

    it('sends a meeting card whose RSVP buttons answer for whoever presses them, refreshed for each member', async () => {
      const hq = (await search(secretariat, '本部')).find((result) => result.preview.content.title === '第1回 本部')!;
      expect(hq.content.refresh?.userIds).toContain(secretariat.account.id);
      expect(cardText(hq.content)).not.toContain('あなたの出欠');
      const { verb, data } = click(hq.content, '出席');
      const answer = await talk.act(secretariat, verb, data, 'ja-JP', 'groupChat');
      expect(answer.statusCode).toBe(200);
      expect(shown(answer)).toContain('出席');
      expect(shown(answer)).toContain('あなたの出欠');
    });

    it('tells someone the directory does not know why there is nothing, in their language', async () => {
      // The bot is in this chat, so Teams' roster names the person; the directory does not.
      bot.enrol('19:meeting-group-chat@thread.v2', [stranger]);
      for (const [locale, expected] of [
        ['ja-JP', '職員名簿に登録がないため'],
        ['en-US', 'You are not in the staff directory'],
      ] as const) {
        const body = await post(composeQuery({ commandId: 'search', parameters: [{ name: 'query', value: '2-24' }] }, options(stranger, locale, 'groupChat')));
        expect(body.composeExtension.type).toBe('message');
        expect(body.composeExtension.text).toContain(expected);
        expect(body.composeExtension.attachments).toBeUndefined();
      }
    });

    it('asks a directory member it has never met, searching in a chat the bot is not in, to visit the tab or the bot once; then search works there', async () => {
      const newcomer = teamsUser('shinnin.shuji@example.jp', '新任 主事', '0b7e3c1a-5d2f-4a6b-9c8d-7e6f5a4b3c2d');
      const directory = await staffOf(chief);
      await ctx.store.repositories.staff.upsert({
        ...directory,
        id: 'newcomer',
        upn: newcomer.upn,
        displayName: '新任 主事',
        entraObjectId: undefined,
        teamsUserId: undefined,
        postId: undefined,
        appRoles: [],
      });
      // No roster for the group chat: Teams answers the bot 404 there (MemberNotFoundInConversation).
      bot.enrol('19:meeting-group-chat@thread.v2', []);
      for (const [locale, expected] of [
        ['ja-JP', '一度このアプリのタブを開くか、ボットとの個人チャットで話しかけてください'],
        ['en-US', 'Open the app’s tab once, or write to the bot in a personal chat'],
      ] as const) {
        const body = await post(composeQuery({ commandId: 'search', parameters: [{ name: 'query', value: '2-24' }] }, options(newcomer, locale, 'groupChat')));
        expect(body.composeExtension.type).toBe('message');
        expect(body.composeExtension.text).toContain(expected);
        expect(body.composeExtension.text).not.toMatch(/職員名簿に登録がない|not in the staff directory/);
      }
      // One message in their personal chat with the bot, where the roster does answer, links them.
      bot.enrol(`a:1personal-${newcomer.account.aadObjectId}`, [newcomer]);
      await talk.say(newcomer, 'ヘルプ');
      expect(await search(newcomer, '2-24')).not.toEqual([]);
    });

    it('keeps no reference to the conversation searched in: the bot may not be part of it', async () => {
      expect(await search(chief, '2-24', { where: 'channel' })).not.toEqual([]);
      expect(await search(secretariat, undefined, { where: 'channel' })).not.toEqual([]);
      expect(await ctx.store.repositories.conversations.listActive({ kind: 'channel' })).toEqual([]);
    });
  });

  describe('choosing a result', () => {
    it('builds the chosen card again from the item the preview names', async () => {
      const [pt] = await search(chief, '2-24');
      expect(pt!.preview.content.tap).toEqual({ type: 'invoke', value: { kind: 'pt', id: 'pt-2-24' } });
      const chosen = wellFormed(await post(composeSelectItem(pt!.preview.content.tap!.value, options(chief, 'ja-JP', 'groupChat'))));
      expect(chosen).toHaveLength(1);
      expect(cardText(chosen[0]!.content)).toBe(cardText(pt!.content));
    });

    it('authorises the chosen item again: a forged or malformed value gives nothing', async () => {
      for (const value of [
        { kind: 'proposal', id: colleagueDraft.id },
        { kind: 'meeting', id: draftConvocationId },
        { kind: 'nope', id: 'x' },
        'pt-2-24',
        null,
      ]) {
        expect(wellFormed(await post(composeSelectItem(value, options(chief, 'ja-JP', 'groupChat'))))).toEqual([]);
      }
      const stranger = await post(composeSelectItem({ kind: 'pt', id: 'pt-2-24' }, options(teamsUser('x@partner.example.jp', 'X'), 'en-US', 'groupChat')));
      expect(stranger.composeExtension.type).toBe('message');
    });
  });

  describe('link unfurling', () => {
    async function unfurl(user: TeamsUser, url: string, locale: TeamsLocale = 'ja-JP'): Promise<ComposeAttachment[]> {
      const body = await post(composeQueryLink(url, options(user, locale, 'channel')));
      expect(body.cacheInfo).toEqual({ cacheType: 'no-cache' });
      return wellFormed(body);
    }

    it('turns a link to a PT, a meeting, a practice, a call or one’s own proposal into its card', async () => {
      for (const url of [`${TAB}#/pts/pt-2-24`, `${TAB}#/pts/${encodeURIComponent('２‐２４')}`, `${TAB}#/pts/2-24`]) {
        const [card, ...more] = await unfurl(chief, url);
        expect(more, url).toEqual([]);
        expect(card!.preview.content.title).toBe('2‐24 オンライン相談・手続き支援の拡充');
      }
      const [meeting] = await unfurl(councilMember, `${TAB}#/meetings/${DEMO_IDS.hqMeeting}`);
      expect(cardText(meeting!.content)).toContain('第1回 本部');
      const [practice] = await unfurl(chief, `${TAB}#/practices/${practiceId}`);
      expect(practice!.content.body.length).toBeGreaterThan(0);
      const [call] = await unfurl(chief, `${TAB}#/proposals/${DEMO_IDS.call}`, 'en-US');
      expect(cardText(call!.content)).toContain('【デモ】新規取組み項目の提案募集');
      const [own] = await unfurl(chief, `${TAB}#/proposals/${chiefDraft.id}`);
      expect(cardText(own!.content)).toContain('自分の下書き提案');
    });

    it('unfurls nothing the person may not see: another’s draft, a draft convocation, or another’s proposal for ordinary staff', async () => {
      expect(await unfurl(chief, `${TAB}#/proposals/${colleagueDraft.id}`)).toEqual([]);
      expect(await unfurl(secretariat, `${TAB}#/proposals/${colleagueDraft.id}`)).toEqual([]);
      expect(await unfurl(chief, `${TAB}#/proposals/${colleagueSubmitted.id}`)).toEqual([]);
      expect(titles(await unfurl(secretariat, `${TAB}#/proposals/${colleagueSubmitted.id}`))).toEqual(['同僚の提出済み提案']);
      for (const user of [secretariat, chief]) expect(await unfurl(user, `${TAB}#/meetings/${draftConvocationId}`)).toEqual([]);
      expect(await unfurl(stranger, `${TAB}#/pts/pt-2-24`)).toEqual([]);
    });

    it('answers a failure with the apology in place of results and no card for a link, never a 500', async () => {
      // The meetings and calls tables are gone: every read of them fails.
      const failing = new Proxy(ctx.store.repositories, {
        get: (target, key, receiver) =>
          key === 'meetings' || key === 'calls'
            ? new Proxy({}, { get: () => () => Promise.reject(new Error('relation does not exist')) })
            : (Reflect.get(target, key, receiver) as unknown),
      });
      const broken: UseCaseContext = { ...ctx, store: Object.create(ctx.store, { repositories: { value: failing } }) as UseCaseContext['store'] };
      const harness = await startBotHarness(broken, { typingDelayMs: 300, tabHost: 'app.example.jp' });
      try {
        const from = { serviceUrl: harness.connector.url, from: chief.account, locale: 'ja-JP' as const, conversation: 'groupChat' as const };
        const query = await harness.post(composeQuery({ commandId: 'search', parameters: [{ name: 'query', value: '本部' }] }, from));
        expect(query.status).toBe(200);
        expect(query.body).toEqual({ composeExtension: { type: 'message', text: TURN_ERROR_TEXT.ja } });
        const link = await harness.post(composeQueryLink(`${TAB}#/meetings/${DEMO_IDS.hqMeeting}`, from));
        expect(link.status).toBe(200);
        expect((link.body as ComposeBody).composeExtension).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
      } finally {
        await harness.close();
      }
    });

    it('unfurls nothing for an unknown item, a page without one, another site or something that is no link', async () => {
      for (const url of [
        `${TAB}#/meetings/no-such-meeting`,
        `${TAB}#/pts/9-99`,
        `${TAB}#/review`,
        `${TAB}#/proposals`,
        'https://elsewhere.example.jp/tab/#/pts/pt-2-24',
        'https://app.example.jp/api/v1/meetings',
        'not a link',
      ]) {
        expect(await unfurl(chief, url), url).toEqual([]);
      }
    });
  });
});
