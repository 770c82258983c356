import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { startBotHarness, teamsUser, type BotHarness } from '../support/bot-harness.js';
import { click, conversationWith } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { openProgrammeContext } from '../support/programme-store.js';
import { botAccount, channelMessage, TEST_TENANT_ID, type TeamsActivity } from '../support/teams-activities.js';

const TEAM_ID = '19:reform-team@thread.tacv2';
const GENERAL = '19:reform-channel@thread.tacv2';
const secretariat = teamsUser('seisaku-kikaku.jimukyoku@example.jp', '松田 健太');
const chief = teamsUser('chiiki-gyosei.shunin@example.jp', '西村 翔');

/** A team event as Teams posts it: on the General channel's conversation, naming team and channel. */
function teamEvent(
  serviceUrl: string,
  fields: Partial<TeamsActivity> & { eventType?: string; channel?: { id: string; name: string } },
  from = secretariat,
): TeamsActivity {
  const { eventType, channel, ...rest } = fields;
  return {
    ...channelMessage('', { serviceUrl, from: from.account }),
    type: 'conversationUpdate' as TeamsActivity['type'],
    text: undefined,
    entities: undefined,
    conversation: { id: GENERAL, conversationType: 'channel', tenantId: TEST_TENANT_ID, isGroup: true },
    channelData: {
      tenant: { id: TEST_TENANT_ID },
      team: { id: TEAM_ID, name: '行政経営推進' },
      ...(eventType ? { eventType } : {}),
      ...(channel ? { channel } : { channel: { id: GENERAL, name: '一般' } }),
    },
    ...rest,
  };
}

describe('conversation references and subscriptions', () => {
  const clock = new ManualClock(new Date('2024-05-10T01:00:00Z'));
  let ctx: UseCaseContext;
  let bot: BotHarness;
  let talk: ReturnType<typeof conversationWith>;
  const conversations = () => ctx.store.repositories.conversations;

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    bot = await startBotHarness(ctx);
    talk = conversationWith(bot);
    bot.enrol(TEAM_ID, [secretariat, chief]);
    bot.enrol(`a:1personal-${chief.account.aadObjectId}`, [chief]);
  });
  afterAll(async () => {
    await bot?.close();
    await ctx?.store.close();
  });

  it('keeps the reference of a channel when the secretariat installs the app, subscribed to everything', async () => {
    const install = { ...teamEvent(bot.connector.url, {}), type: 'installationUpdate', action: 'add' } as unknown as TeamsActivity;
    expect((await bot.post(install)).status).toBe(200);
    const target = await conversations().get(GENERAL);
    expect(target).toMatchObject({
      kind: 'channel',
      teamId: TEAM_ID,
      channelId: GENERAL,
      serviceUrl: bot.connector.url,
      tenantId: TEST_TENANT_ID,
      botId: botAccount().id,
      active: true,
    });
    expect(JSON.stringify(target)).not.toContain('text');
    expect((await ctx.store.repositories.subscriptions.get(GENERAL))?.kinds).toEqual([
      'proposalDeadlines',
      'convocations',
      'meetingReminders',
      'progressReportRequests',
    ]);
  });

  it('follows channels being created, renamed and deleted, and the team being deleted and restored', async () => {
    const channel = { id: '19:pt-channel@thread.tacv2', name: 'PT 2-24' };
    await bot.post(teamEvent(bot.connector.url, { eventType: 'channelCreated', channel }));
    expect(await conversations().get(channel.id)).toMatchObject({ kind: 'channel', name: 'PT 2-24', active: true, teamId: TEAM_ID });
    await bot.post(teamEvent(bot.connector.url, { eventType: 'channelRenamed', channel: { ...channel, name: 'PT ２‐２４ 窓口' } }));
    expect((await conversations().get(channel.id))?.name).toBe('PT ２‐２４ 窓口');
    await bot.post(teamEvent(bot.connector.url, { eventType: 'channelDeleted', channel }));
    expect(await conversations().get(channel.id)).toMatchObject({ active: false, deactivatedReason: 'channelDeleted' });

    await bot.post(teamEvent(bot.connector.url, { eventType: 'teamDeleted' }));
    expect((await conversations().listActive({ teamId: TEAM_ID })).length).toBe(0);
    // The record stays: it is history, and the outbox refers to it.
    expect(await conversations().get(GENERAL)).toMatchObject({ active: false, deactivatedReason: 'teamDeleted' });
    await bot.post(teamEvent(bot.connector.url, { eventType: 'teamRestored' }));
    expect((await conversations().get(GENERAL))?.active).toBe(true);
  });

  it('deactivates a channel when the bot is removed from its team', async () => {
    await bot.post(teamEvent(bot.connector.url, { membersRemoved: [botAccount()] } as Partial<TeamsActivity>));
    expect((await conversations().get(GENERAL))?.active).toBe(false);
    await bot.post(teamEvent(bot.connector.url, { membersAdded: [botAccount()] } as Partial<TeamsActivity>));
    expect((await conversations().get(GENERAL))?.active).toBe(true);
  });

  it('remembers a personal chat with its person and language on the first message', async () => {
    await talk.say(chief, 'help', 'en-US');
    const personal = await conversations().findPersonalByStaff((await ctx.store.repositories.staff.findByUpn(chief.upn))!.id);
    expect(personal).toMatchObject({ kind: 'personal', locale: 'en', active: true });
  });

  it('sets what a channel receives with the subscribe card, and stops it with unsubscribe', async () => {
    const card = (await talk.say(chief, '通知登録', 'ja-JP', 'channel')).cards[0]!;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('提案募集の締切');
    const save = click(card, '保存', {
      kind_proposalDeadlines: 'true',
      kind_convocations: 'false',
      kind_meetingReminders: 'true',
      kind_progressReportRequests: 'false',
      bodyId: 'council',
    });
    const saved = await talk.act(chief, save.verb, save.data, 'ja-JP', 'channel');
    expect(cardText(saved.value)).toContain('通知設定を保存しました: 提案募集の締切、会議の前日リマインダー');
    expect(await ctx.store.repositories.subscriptions.get(GENERAL)).toMatchObject({ kinds: ['proposalDeadlines', 'meetingReminders'], bodyId: 'council' });
    // A demo person reads Japanese whatever their client's locale.
    expect((await talk.say(chief, 'unsubscribe', 'en-US', 'channel')).texts.join()).toContain('この会話への通知をすべて停止しました');
    expect(await ctx.store.repositories.subscriptions.get(GENERAL)).toBeUndefined();
  });
});
