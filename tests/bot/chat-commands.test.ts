import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoItems } from '../../server/demo-data.js';
import { expectedAttendees } from '../../shared/meetings/attendance-tally.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startBotHarness, teamsUser, type BotHarness } from '../support/bot-harness.js';
import { click, conversationWith, shown } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';

const jst = (text: string) => new Date(`${text}+09:00`);
const chief = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');
const councilChair = teamsUser('seisaku-kikaku.kacho@example.jp', '橋本 拓也');
const councilMember = teamsUser('zaisei.kacho@example.jp', '藤田 剛');
const secretariat = teamsUser('seisaku-kikaku.jimukyoku@example.jp', '松田 健太');
/** Staff of a section that runs no body: may convene nothing. */
const welfareStaff = teamsUser('koreifukushi.shuji@example.jp', '藤原 蓮');

/** The value a choice input starts on, and the values it offers. */
function choiceOf(card: unknown, id: string): { value: unknown; offered: unknown[] } | undefined {
  const found = findNode(card, (node) => node.type === 'Input.ChoiceSet' && node.id === id);
  return found ? { value: found.value, offered: (found.choices as { value: string }[]).map((choice) => choice.value) } : undefined;
}

/** Every URL a card's buttons open. */
function openUrls(card: unknown): string[] {
  const urls: string[] = [];
  findNode(card, (node) => {
    if (node.type === 'Action.OpenUrl') urls.push(String(node.url));
    return false;
  });
  return urls;
}

function findNode(node: unknown, match: (node: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findNode(item, match);
      if (found) return found;
    }
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (match(record)) return record;
    for (const value of Object.values(record)) {
      const found = findNode(value, match);
      if (found) return found;
    }
  }
  return undefined;
}

describe('chat commands in Japanese and English', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;
  let bot: BotHarness;
  let talk: ReturnType<typeof conversationWith>;

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    await ensureDemoItems(ctx);
    bot = await startBotHarness(ctx);
    talk = conversationWith(bot);
    for (const user of [chief, councilChair, councilMember, secretariat, welfareStaff]) bot.enrol(`a:1personal-${user.account.aadObjectId}`, [user]);
    bot.enrol('19:meeting-group-chat@thread.v2', [chief, councilChair, councilMember, secretariat]);
    bot.enrol('19:reform-team@thread.tacv2', [chief, councilChair, councilMember, secretariat]);
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  it('answers help with the commands this person may use here, in both languages', async () => {
    const ja = cardText((await talk.say(chief, 'ヘルプ')).cards[0]);
    expect(ja).toContain('使えるコマンド');
    expect(ja).toContain('提案');
    expect(ja).not.toContain('審査'); // not for ordinary staff
    // Demo staff read Japanese whatever the client says, until they choose English.
    expect(cardText((await talk.say(secretariat, 'HELP', 'en-US')).cards[0])).toContain('使えるコマンド');
    await talk.choose(secretariat, 'en');
    const en = cardText((await talk.say(secretariat, 'HELP', 'ja-JP')).cards[0]);
    expect(en).toContain('Commands you can use');
    expect(en).toContain('review');
    await talk.choose(secretariat, 'ja');
  });

  it('tells a person their language, refuses one it does not speak (shown as typed), and keeps a choice', async () => {
    expect((await talk.say(chief, '言語')).texts.join()).toContain('表示言語: 日本語');
    const unknown = (await talk.say(chief, '言語 [français](https://evil.example)')).texts.join();
    expect(unknown).toContain('は選べる言語ではありません');
    expect(unknown).not.toContain('](https://evil.example)');
    await talk.choose(chief, 'en');
    expect((await talk.say(chief, 'language', 'ja-JP')).texts.join()).toContain('Language: English');
    await talk.choose(chief, 'ja');
  });

  it('never stays silent: an unknown command gets the nearest one and the help card', async () => {
    await talk.choose(chief, 'en');
    const answer = await talk.say(chief, 'meetigns', 'en-US');
    const text = cardText(answer.cards[0]);
    expect(text).toContain('I did not understand "meetigns".');
    expect(text).toContain('Did you mean: **meetings**');
    await talk.choose(chief, 'ja');
  });

  it('answers a quick command without a typing indicator', async () => {
    const { sent } = await talk.say(chief, 'PT一覧');
    expect(sent.map((activity) => activity.type)).toEqual(['message']);
  });

  it('lists PTs by category and finds one PT however its number is typed', async () => {
    const list = cardText((await talk.say(chief, 'PT一覧')).cards[0]);
    expect(list).toContain('部局横断的なPT');
    expect(list).toContain('【参考】三層構造にかかるPT');
    for (const typed of ['PT ２‐２４', 'ＰＴ　2-24', 'pt 2‐24', 'PT2-24']) {
      const card = (await talk.say(chief, typed)).cards[0];
      expect(cardProblems(card!)).toEqual([]);
      expect(cardText(card)).toContain('2‐24');
    }
    await talk.choose(chief, 'en');
    const team313 = cardText((await talk.say(chief, 'pt 3-13', 'en-US')).cards[0]);
    expect(team313).toContain('3-12/3‐13');
    expect(team313).toContain('Study topics');
    await talk.choose(chief, 'ja');
    expect((await talk.say(chief, 'PT 9-99')).texts.join()).toContain('見つかりません');
  });

  it('answers in a channel only to an @mention and with the same behaviour', async () => {
    const answer = await talk.say(chief, 'PT 5-13', 'ja-JP', 'channel');
    expect(cardText(answer.cards[0])).toContain('5-13');
    expect((await talk.say(chief, '提案', 'ja-JP', 'channel')).texts.join()).toContain('個人チャット');
  });

  it('shows open calls with each track deadline and the days left, counted in Japan', async () => {
    clock.set(jst('2024-05-14T23:30:00'));
    const text = cardText((await talk.say(chief, '募集')).cards[0]);
    expect(text).toContain('令和6年5月17日（金）まで — あと3日');
    expect(text).toContain('令和6年6月14日（金）まで — あと31日');
    clock.set(jst('2024-05-17T08:00:00'));
    await talk.choose(chief, 'en');
    expect(cardText((await talk.say(chief, 'calls', 'en-US')).cards[0])).toContain('Closes today');
    await talk.choose(chief, 'ja');
  });

  it('searches good practices with folded words and records interest once per person', async () => {
    const card = (await talk.say(chief, '好事例 ＡＩ')).cards[0]!;
    expect(cardProblems(card)).toEqual([]);
    const results = cardText(card);
    expect(results).toMatch(/AI|ＡＩ/);
    const { verb, data } = click(card, '自所属でも展開したい');
    const first = await talk.act(chief, verb, data);
    expect(cardText(first.value)).toContain('展開希望を登録しました（1件）');
    const again = await talk.act(chief, verb, data);
    expect(cardText(again.value)).toContain('展開希望を登録しました（1件）');
  });

  it('lets the council chair convene, members answer with a proxy, and shows their own RSVP', async () => {
    clock.set(jst('2024-05-20T09:00:00'));
    expect((await talk.say(welfareStaff, '招集')).texts.join()).toContain('招集できる会議体はありません');
    const form = (await talk.say(councilChair, '招集')).cards[0]!;
    expect(cardProblems(form)).toEqual([]);
    // 政策企画課長 may convene HQ too (as 政策企画課), but the form starts on the council they chair.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers `any`
    expect(choiceOf(form, 'bodyId')).toEqual({ value: 'council', offered: expect.arrayContaining(['hq', 'council']) });
    // The chair forgets the agenda: the form comes back with the error and the values kept.
    const incomplete = click(form, '招集する', { bodyId: 'council', date: '2024-06-03', startTime: '14:00', endTime: '15:00', place: '第1委員会室' });
    const refused = await talk.act(councilChair, incomplete.verb, incomplete.data);
    expect(cardText(refused.value)).toContain('議題（1行に1件）を入力してください');
    expect(cardText(refused.value)).toContain('第1委員会室');
    const complete = click(form, '招集する', { ...(incomplete.data as Record<string, string>), agenda: '令和6年度の進め方\nPTの設置について' });
    const convened = await talk.act(councilChair, complete.verb, complete.data);
    expect(cardProblems(convened.value as never)).toEqual([]);
    expect(cardText(convened.value)).toMatch(/第\d回 推進会議/);
    // A double click convenes one meeting.
    await talk.act(councilChair, complete.verb, complete.data);
    expect((await ctx.store.repositories.meetings.list({ bodyId: 'council' })).filter((m) => !m.demo)).toHaveLength(1);

    const meetings = (await talk.say(councilMember, '会議 推進会議')).cards[0]!;
    const text = cardText(meetings);
    expect(text).toContain('令和6年6月3日（月）14:00〜15:00');
    expect(JSON.stringify(meetings)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).toContain('未回答');
    const proxyWithoutName = click(meetings, '代理出席');
    expect(shown(await talk.act(councilMember, proxyWithoutName.verb, proxyWithoutName.data))).toContain('代理出席者の氏名を入力してください');
    const proxyInput = String(proxyWithoutName.data.proxyInput);
    const proxy = click(meetings, '代理出席', { [proxyInput]: '財政課 係長 山田' });
    const answered = await talk.act(councilMember, proxy.verb, proxy.data);
    expect(cardText(answered.value)).toContain('代理出席: 財政課 係長 山田');
    await talk.choose(councilMember, 'en');
    expect(cardText((await talk.say(councilMember, 'meetings council', 'en-US')).cards[0])).toContain('Proxy: 財政課 係長 山田');
    await talk.choose(councilMember, 'ja');
    // Someone not on the council's roster cannot answer.
    const notMember = await talk.act(welfareStaff, proxy.verb, proxy.data);
    expect(String(notMember.value)).toContain('出席対象ではありません');

    // The chair sees how everyone expected has answered; a member sees only their own answer.
    const council = (await ctx.store.repositories.bodies.get('council'))!;
    const expected = expectedAttendees(council, await ctx.store.repositories.staff.list()).length;
    const chairView = cardText((await talk.say(councilChair, '会議 推進会議')).cards[0]);
    expect(chairView).toContain(`出欠状況\n出席 0 / 欠席 0 / 代理 1 / 未回答 ${expected - 1}`);
    await talk.choose(councilChair, 'en');
    expect(cardText((await talk.say(councilChair, 'meetings council', 'en-US')).cards[0])).toContain(
      `Attend 0 / Absent 0 / Proxy 1 / No answer ${expected - 1}`,
    );
    await talk.choose(councilChair, 'ja');
    const memberView = cardText((await talk.say(councilMember, '会議 推進会議')).cards[0]);
    expect(memberView).not.toContain('出欠状況');
    expect(memberView).not.toMatch(/出席 \d+ \/ 欠席/);
    expect(memberView).not.toContain('催促');
  });

  it('lets the chair remind those who have not answered, once, telling how many the bot cannot reach', async () => {
    const repos = ctx.store.repositories;
    const meeting = (await repos.meetings.list({ bodyId: 'council' })).find((candidate) => !candidate.demo)!;
    const council = (await repos.bodies.get('council'))!;
    const unanswered = expectedAttendees(council, await repos.staff.list()).length - 1;
    // A member cannot send it, whatever the card says.
    const forged = await talk.act(councilMember, 'meeting.remindUnanswered', { meetingId: meeting.id, verb: 'meeting.remindUnanswered' });
    expect(shown(forged)).toContain('招集できる方と庶務');
    expect(await repos.outbox.listFor(meeting.id, ['pending'])).toEqual([]);

    const card = (await talk.say(councilChair, '会議 推進会議')).cards[0]!;
    const remind = click(card, `未回答の${unanswered}名に催促する`);
    const sent = await talk.act(councilChair, remind.verb, remind.data);
    const text = shown(sent);
    // The chair and the secretariat clerk have talked to the bot; the other council members have not.
    expect(text).toContain(`未回答の2名に催促を送りました（${unanswered - 2}名はボット未導入のため届きません）`);
    expect(text).toContain('送信済み（令和6年5月20日（月）9:00、橋本 拓也）');
    expect(JSON.stringify(sent.value)).not.toContain('meeting.remindUnanswered');
    const nudged = (await repos.outbox.listFor(meeting.id, ['pending'])).filter((row) => row.payload.type === 'rsvpNudge').map((row) => row.conversationId);
    expect(nudged.sort()).toEqual([`a:1personal-${councilChair.account.aadObjectId}`, `a:1personal-${secretariat.account.aadObjectId}`].sort());

    const again = await talk.act(councilChair, remind.verb, remind.data);
    expect(shown(again)).toContain('未回答者への催促は令和6年5月20日（月）9:00に橋本 拓也さんが送信済みです');
    expect((await repos.outbox.listFor(meeting.id, ['pending'])).filter((row) => row.payload.type === 'rsvpNudge')).toHaveLength(2);
  });

  it('shows start and end, opens an https meeting link from a button, and leaves any other link as text', async () => {
    clock.set(jst('2024-05-20T09:00:00'));
    const base = { bodyId: 'council', fiscalYear: 2024, agenda: [], guests: [], status: 'convened', history: [], demo: false } as const;
    await ctx.store.repositories.meetings.insert({
      ...base,
      id: 'linked',
      ordinal: 91,
      startsAt: jst('2024-06-05T15:00:00'),
      endsAt: jst('2024-06-05T16:30:00'),
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/council',
    });
    await ctx.store.repositories.meetings.insert({
      ...base,
      id: 'unsafe',
      ordinal: 92,
      startsAt: jst('2024-06-06T15:00:00'),
      endsAt: jst('2024-06-06T16:00:00'),
      onlineUrl: 'javascript:alert(document.cookie)',
    });
    const card = (await talk.say(councilMember, '会議 推進会議')).cards[0]!;
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('令和6年6月5日（水）15:00〜16:30');
    expect(text).toContain('令和6年6月6日（木）15:00〜16:00');
    expect(JSON.stringify(card)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(openUrls(card)).toEqual(['https://teams.microsoft.com/l/meetup-join/council']);
    expect(JSON.stringify(card)).not.toContain('](javascript');
    expect(text).toContain('javascript:alert\\(document.cookie\\)');
    await talk.choose(councilMember, 'en');
    const english = (await talk.say(councilMember, 'meetings council', 'en-US')).cards[0]!;
    expect(cardText(english)).toContain('Wed 5 Jun 2024, 15:00–16:30 JST');
    await talk.choose(councilMember, 'ja');
  });

  it('gives the secretariat a review queue where a decision needs a reason', async () => {
    clock.set(jst('2024-05-15T10:00:00'));
    const form = (await talk.say(chief, '提案')).cards[0]!;
    const submit = click(form, '提出する', { track: 'individual', title: '公用車の共同利用', summary: '部をまたいで予約', expectedEffect: '台数削減' });
    await talk.act(chief, submit.verb, submit.data);
    expect((await talk.say(chief, '審査')).texts.join()).toContain('権限がありません');

    const queue = (await talk.say(secretariat, '審査')).cards[0]!;
    expect(cardProblems(queue)).toEqual([]);
    expect(cardText(queue)).toContain('公用車の共同利用');
    const start = click(queue, 'ヒアリングへ');
    const started = (await talk.act(secretariat, start.verb, start.data)).value as never;
    expect(cardText(started)).toContain('ヒアリング中');
    const decide = click(started, '判断を記録');
    const decisionInput = String(decide.data.decisionInput);
    const reasonInput = String(decide.data.reasonInput);
    const withoutReason = await talk.act(secretariat, decide.verb, { ...decide.data, [decisionInput]: 'acceptedNextYear', [reasonInput]: '' });
    expect(String(withoutReason.value)).toContain('判断の理由を入力してください');
    const decided = await talk.act(secretariat, decide.verb, { ...decide.data, [decisionInput]: 'acceptedNextYear', [reasonInput]: '次年度に計画化' });
    expect(cardText(decided.value)).toContain('採用（次年度項目）');
    // Only the secretariat decides, whatever the card says.
    const forged = await talk.act(chief, decide.verb, { ...decide.data, [decisionInput]: 'rejected', [reasonInput]: 'x' });
    expect(forged.statusCode).toBe(403);
  });

  it('shares the review queue in a channel: reviewers get the buttons on refresh, everyone else the status', async () => {
    clock.set(jst('2024-05-16T10:00:00'));
    const form = (await talk.say(chief, '提案')).cards[0]!;
    const submit = click(form, '提出する', {
      track: 'individual',
      title: '庁内会議室の予約一元化',
      summary: '予約を一つのシステムに',
      expectedEffect: '調整時間の削減',
    });
    await talk.act(chief, submit.verb, submit.data);
    const shared = (await talk.say(secretariat, '審査', 'ja-JP', 'channel')).cards[0]!;
    expect(cardProblems(shared)).toEqual([]);
    expect(shared.refresh?.userIds).toContain(secretariat.account.id);
    expect(shared.refresh?.userIds).not.toContain(chief.account.id);
    expect(cardText(shared)).toContain('審査の操作は事務局');
    expect(JSON.stringify(shared)).not.toContain('"verb":"review.start"');
    const refresh = shared.refresh!.action as unknown as { verb: string; data: Record<string, unknown> };
    const reviewerView = await talk.act(secretariat, refresh.verb, refresh.data, 'ja-JP', 'channel');
    expect(JSON.stringify(reviewerView.value)).toMatch(/"verb":"review\.(start|decide)"/);
    const staffView = await talk.act(chief, refresh.verb, refresh.data, 'ja-JP', 'channel');
    expect(JSON.stringify(staffView.value)).not.toMatch(/"verb":"review\.(start|decide)"/);
    expect(cardText(staffView.value)).toContain('庁内会議室の予約一元化');
    // Only the secretariat may post the queue, in any conversation.
    expect((await talk.say(chief, '審査', 'ja-JP', 'channel')).texts.join()).toContain('権限がありません');
  });

  it('offers open recruitment with an Apply form that takes the grade from the directory', async () => {
    // The demo project is dated relative to the day the demo data was made (the test clock's).
    const project = (await ctx.store.repositories.recruitment.listProjects({ status: 'recruiting' }))[0]!;
    clock.set(new Date(project.opensAt.getTime() + 3_600_000));
    const list = (await talk.say(chief, '公募')).cards[0]!;
    expect(cardProblems(list)).toEqual([]);
    const open = click(list, '応募する');
    const form = (await talk.act(chief, open.verb, open.data)).value as never;
    expect(cardText(form)).toContain('主任');
    const empty = click(form, '応募する', { desiredRole: 'member', motivation: '' });
    expect(cardText((await talk.act(chief, empty.verb, empty.data)).value)).toContain('志望動機を入力してください');
    const apply = click(form, '応募する', { desiredRole: 'member', motivation: '窓口業務の経験を活かしたい' });
    expect(cardText((await talk.act(chief, apply.verb, apply.data)).value)).toContain('応募しました');
    await talk.act(chief, apply.verb, apply.data);
    expect(await ctx.store.repositories.recruitment.listApplications(String(open.data.projectId))).toHaveLength(1);
  });
});
