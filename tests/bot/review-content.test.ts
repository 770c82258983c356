import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import type { ProposalCall } from '../../shared/calls/proposal-call.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { submitProposal } from '../../shared/use-cases/proposal-submission.js';
import { startBotHarness, teamsUser, type BotHarness } from '../support/bot-harness.js';
import { click, conversationWith } from '../support/bot-conversation.js';
import { cardProblems } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';

const jst = (text: string) => new Date(`${text}+09:00`);
const director = teamsUser('hoken-fukushi.bucho@example.jp', '斎藤 明美');
const chief = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');
const secretariat = teamsUser('seisaku-kikaku.jimukyoku@example.jp', '松田 健太');

const departmentProposal = {
  title: '福祉窓口の予約制の導入',
  summary:
    '福祉窓口の相談を*事前予約制*にする。\n来庁者の待ち時間を減らし、相談内容に応じた職員を配置できるよう、オンライン予約と電話予約を組み合わせて運用する。',
  expectedEffect: '待ち時間の短縮と相談の質の向上。詳細: [資料](https://evil.example)',
};

/** Each line as a person reads it: a TextBlock's text, or a RichTextBlock's runs joined. */
function lines(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(lines);
  if (!node || typeof node !== 'object') return [];
  const element = node as { type?: string; text?: string; inlines?: { text: string }[] };
  if (element.type === 'TextBlock' && element.text) return [element.text];
  if (element.type === 'RichTextBlock' && element.inlines) return [element.inlines.map((inline) => inline.text).join('')];
  return Object.values(element).flatMap(lines);
}

describe('the review queue card shows what was proposed, over /api/messages', () => {
  const clock = new ManualClock(jst('2024-05-15T10:00:00'));
  let ctx: UseCaseContext;
  let bot: BotHarness;
  const talk = () => conversationWith(bot);

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    bot = await startBotHarness(ctx);
    for (const user of [director, chief, secretariat]) bot.enrol(`a:1personal-${user.account.aadObjectId}`, [user]);
    // A department proposal and an individual one on the same plan item, typed in the chat.
    const departmentForm = (await talk().say(director, '提案')).cards[0]!;
    const department = click(departmentForm, '提出する', {
      track: 'department',
      departmentUnitId: 'hoken-fukushi-seisaku-bu',
      relatedItem: '２‐２４',
      ...departmentProposal,
    });
    expect((await talk().act(director, department.verb, department.data)).statusCode).toBe(200);
    const individualForm = (await talk().say(chief, '提案')).cards[0]!;
    const individual = click(individualForm, '提出する', {
      track: 'individual',
      title: 'オンライン相談の予約受付',
      summary: '相談予約をオンラインで受け付ける',
      relatedItem: '2-24',
      expectedEffect: '電話の削減',
    });
    expect((await talk().act(chief, individual.verb, individual.data)).statusCode).toBe(200);
    // A proposal-based PT theme (that call is a draft in the programme file, so one open today is added).
    const fy2024 = (await ctx.store.repositories.calls.get('fy2024-new-initiative'))!;
    const themeCall: ProposalCall = {
      ...fy2024,
      id: 'pt-theme-open',
      kind: 'ptTheme',
      title: '提案型PTのテーマ募集',
      tracks: fy2024.tracks.map((track) => ({ ...track, deadlineDate: '2024-06-28', closesAt: jst('2024-06-29T00:00:00') })),
    };
    await ctx.store.repositories.calls.upsert(themeCall);
    const chiefStaff = (await ctx.store.repositories.staff.findByUpn(chief.upn))!;
    await submitProposal(ctx, chiefStaff, {
      proposalId: 'theme-1',
      callId: themeCall.id,
      track: 'individual',
      title: '窓口職員の提案型PT',
      summary: '窓口改善を職員提案で進める',
      expectedEffect: '職員の育成',
      perspective: 'newBusiness',
    });
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  it('gives the secretariat each proposal’s summary, expected effect, related item with its title, department or individual, and author', async () => {
    const queue = (await talk().say(secretariat, '審査')).cards[0]!;
    expect(cardProblems(queue)).toEqual([]);
    const shown = lines(queue);
    expect(shown).toContain(departmentProposal.title);
    expect(shown).toEqual(
      expect.arrayContaining([
        '提案元: 保健福祉政策部',
        '提案者: 斎藤 明美（保健福祉政策部）',
        '関連個票: 2‐24 オンライン相談・手続き支援の拡充',
        '概要',
        '期待される効果',
      ]),
    );
    expect(shown).toEqual(expect.arrayContaining(['提案元: 職員個人', '提案者: 西村 翔（地域行政課）', '視点: (b) 所管課の課題解決に向けた新規事業']));
    // The whole summary, line break included, with the typed Markdown escaped so it shows as typed.
    expect(shown).toContain(
      '福祉窓口の相談を\\*事前予約制\\*にする。\n来庁者の待ち時間を減らし、相談内容に応じた職員を配置できるよう、オンライン予約と電話予約を組み合わせて運用する。',
    );
    expect(shown).toContain('待ち時間の短縮と相談の質の向上。詳細: \\[資料\\]\\(https://evil.example\\)');
    expect(shown.join('\n')).not.toContain('[資料](https://evil.example)');
    // Each of the two proposals on 2-24 points to the other.
    expect(shown.filter((line) => line === '同じ個票への提案')).toHaveLength(2);
    expect(shown).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^R6-新規-\d{3} オンライン相談の予約受付$/),
        expect.stringMatching(/^R6-新規-\d{3} 福祉窓口の予約制の導入$/),
      ]),
    );
  });

  it('keeps the content on the card that comes back after a review step, and in English', async () => {
    const queue = (await talk().say(secretariat, '審査')).cards[0]!;
    const start = click(queue, 'ヒアリングへ');
    const started = (await talk().act(secretariat, start.verb, start.data)).value as AdaptiveCard;
    expect(cardProblems(started)).toEqual([]);
    expect(lines(started)).toEqual(expect.arrayContaining(['状態: ヒアリング中', '関連個票: 2‐24 オンライン相談・手続き支援の拡充', '期待される効果']));
    await talk().choose(secretariat, 'en');
    const english = lines((await talk().say(secretariat, 'review', 'en-US')).cards[0]);
    await talk().choose(secretariat, 'ja');
    expect(english).toEqual(
      expect.arrayContaining([
        'From: 保健福祉政策部',
        'From: Individual',
        'Related plan item: 2‐24 オンライン相談・手続き支援の拡充',
        'Summary',
        'Expected effect',
        'Perspective: (b) New business for a section’s problem',
      ]),
    );
  });

  it('still shows none of it to someone outside the secretariat', async () => {
    const answer = await talk().say(chief, '審査');
    expect(answer.cards).toEqual([]);
    expect(answer.texts.join()).toContain('権限がありません');
  });
});
