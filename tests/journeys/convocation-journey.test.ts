import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import { ManualClock } from '../../shared/time/clock.js';
import { startAppWorld, type AppWorld } from '../support/app-world.js';
import { teamsUser, type TeamsUser } from '../support/bot-harness.js';
import { click, conversationWith } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { conversationAt, subscribe } from '../support/notification-harness.js';
import { personalInstallation } from '../support/teams-activities.js';

/**
 * The journey of a convocation across the faces (要綱 art. 4, 4(2), 7): the secretariat prepares
 * it in the tab, the mayor gets the issue card in chat and issues it there, and only then do the
 * members get the convocation — in the HQ channel and on their tab.
 */
const jst = (text: string) => new Date(`${text}+09:00`);
const mayor = teamsUser('kucho@example.jp', '山田 太郎');
const secretariat = teamsUser('seisaku-kikaku.jimukyoku@example.jp', '松田 健太');
const member = teamsUser('fukukucho2@example.jp', '鈴木 花子');
const HQ_CHANNEL = '19:hq-channel@thread.tacv2';
const personalChat = (user: TeamsUser) => `a:1personal-${user.account.aadObjectId}`;

describe('a convocation from the secretariat’s draft to the members, across the tab, the bot and the notifications', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let world: AppWorld;
  let talk: ReturnType<typeof conversationWith>;
  const cardsIn = (conversationId: string) =>
    world.connector
      .received({ conversationId, operation: 'sendToConversation' })
      .flatMap((request) => ((request.body?.attachments as { content: AdaptiveCard }[] | undefined) ?? []).map((attachment) => attachment.content));
  const install = async (user: TeamsUser) => {
    expect((await world.post(personalInstallation(user.account, { serviceUrl: world.connector.url, id: `install-${user.upn}` }))).status).toBe(200);
  };

  beforeAll(async () => {
    world = await startAppWorld(clock);
    talk = conversationWith(world);
    world.enrol(personalChat(mayor), [mayor]);
    await install(mayor);
    await install(member);
    await subscribe(world.ctx, conversationAt(world.connector, HQ_CHANNEL), ['convocations'], { bodyId: 'hq' });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('secretariat prepares in the tab → the mayor issues from the card in chat → the members get the convocation', async () => {
    // 1. The tab: the secretariat's form prepares; it may not convene HQ itself.
    const clerk = await world.signIn(secretariat);
    const hq = ((await clerk.call('GET', '/api/v1/bodies')).json() as { id: string; mayConvene: boolean; mayPrepare: boolean }[]).find(
      (body) => body.id === 'hq',
    )!;
    expect(hq).toMatchObject({ mayConvene: false, mayPrepare: true });
    const input = {
      meetingId: 'journey-hq-3',
      bodyId: 'hq',
      startsAt: '2024-07-19T10:00:00+09:00',
      endsAt: '2024-07-19T11:00:00+09:00',
      place: '第1委員会室',
      agenda: ['PT進捗報告'],
      guests: [{ name: '外部 有識者', affiliation: '大学' }],
    };
    expect((await clerk.call('POST', '/api/v1/meetings', input)).status).toBe(403);
    expect((await clerk.call('POST', '/api/v1/meetings/prepare', input)).status).toBe(201);

    // Nothing reaches the members yet: no channel post, not on their tab.
    await world.scheduler.runOnce();
    expect(cardsIn(HQ_CHANNEL)).toEqual([]);
    expect(cardsIn(personalChat(member))).toEqual([]);
    const memberTab = await world.signIn(member);
    expect(((await memberTab.call('GET', '/api/v1/meetings')).json() as { id: string }[]).map((meeting) => meeting.id)).not.toContain('journey-hq-3');

    // 2. The bot: the mayor's issue card, with the proposed guest to confirm.
    const [issue] = cardsIn(personalChat(mayor));
    expect(issue, 'the issue card in the mayor’s chat').toBeDefined();
    expect(cardProblems(issue!)).toEqual([]);
    expect(cardText(issue)).toContain('招集案の発出');
    const press = click(issue!, '招集する', { guest0: 'true' });
    expect(cardText((await talk.act(mayor, press.verb, press.data)).value)).toContain('招集通知を発出しました');

    // 3. The members: the convocation in the HQ channel, the meeting on their tab, answerable.
    await world.scheduler.runOnce();
    const [convocation] = cardsIn(HQ_CHANNEL);
    expect(convocation, 'the convocation in the HQ channel').toBeDefined();
    expect(cardText(convocation)).toContain('会議の招集通知');
    expect(cardText(convocation)).toContain('外部 有識者');
    const detail = (await memberTab.call('GET', '/api/v1/meetings/journey-hq-3')).json();
    expect(detail).toMatchObject({ status: 'convened', viewerExpected: true, guests: [{ name: '外部 有識者', affiliation: '大学' }] });
    expect((await memberTab.call('PUT', '/api/v1/meetings/journey-hq-3/rsvp', { response: 'attend' })).status).toBe(200);
    // The mayor's notice in the tab now says it was issued.
    const mayorTab = await world.signIn(mayor);
    const notices = (await mayorTab.call('GET', '/api/v1/dashboard')).json().notices as { subject: { kind: string; issued?: boolean } }[];
    expect(notices.find((notice) => notice.subject.kind === 'convocationToIssue')?.subject.issued).toBe(true);
  });
});
