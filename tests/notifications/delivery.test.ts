import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import type { Staff } from '../../shared/organisation/staff.js';
import { ManualClock } from '../../shared/time/clock.js';
import { setPreferredLocale } from '../../shared/use-cases/person-preferences.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { answerRsvp, cancelMeeting, conveneMeeting, rescheduleMeeting } from '../../shared/use-cases/meeting-convocation.js';
import { remindUnanswered } from '../../shared/use-cases/rsvp-reminder.js';
import { saveProposalDraft, submitProposal } from '../../shared/use-cases/proposal-submission.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { startConnectorStandIn, type ConnectorRequest, type ConnectorStandIn } from '../support/connector-stand-in.js';
import { conversationAt, notificationScheduler, subscribe } from '../support/notification-harness.js';
import { openProgrammeContext } from '../support/programme-store.js';

const jst = (text: string) => new Date(`${text}+09:00`);

describe('notifications delivered through the Bot Connector', () => {
  const clock = new ManualClock(jst('2024-05-01T08:00:00'));
  let ctx: UseCaseContext;
  let connector: ConnectorStandIn;
  let staff: (upn: string) => Promise<Staff>;
  const run = (instanceId = 'instance-a') => notificationScheduler(ctx, instanceId).runOnce();
  const sentTo = (conversationId: string): ConnectorRequest[] => connector.received({ conversationId, delivered: true });
  const cardOf = (request: ConnectorRequest | undefined) => ((request?.body?.attachments as { content: AdaptiveCard }[] | undefined) ?? [])[0]?.content;

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    connector = await startConnectorStandIn();
    staff = async (upn) => (await ctx.store.repositories.staff.findByUpn(upn))!;
  });
  afterAll(async () => {
    await connector?.close();
    await ctx?.store.close();
  });
  beforeEach(() => connector.reset());

  it('sends a convocation at once to the body’s subscribed channels only, and the reminder the business day before', async () => {
    clock.set(jst('2024-05-20T10:00:00'));
    const council = conversationAt(connector, '19:council@thread.tacv2');
    const hqOnly = conversationAt(connector, '19:hq@thread.tacv2');
    await subscribe(ctx, council, ['convocations', 'meetingReminders'], { bodyId: 'council' });
    await subscribe(ctx, hqOnly, ['convocations'], { bodyId: 'hq' });
    const member = await staff('zaisei.kacho@example.jp');
    await ctx.store.repositories.conversations.upsert(
      conversationAt(connector, 'a:member', { kind: 'personal', staffId: member.id, channelId: undefined, teamId: undefined }),
    );

    const meeting = await conveneMeeting(ctx, await staff('seisaku-kikaku.kacho@example.jp'), {
      meetingId: 'council-1',
      bodyId: 'council',
      startsAt: jst('2024-06-03T14:00:00'),
      endsAt: jst('2024-06-03T15:00:00'),
      place: '第1委員会室',
      agenda: [{ title: '令和6年度の進め方', kind: 'general' }],
      guests: [],
    });
    expect((await run()).sent).toBe(1);
    const [notice] = sentTo(council.conversationId);
    const card = cardOf(notice)!;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('会議の招集通知');
    expect(cardText(card)).toContain('令和6年6月3日（月）14:00');
    expect(sentTo(hqOnly.conversationId)).toHaveLength(0);
    const [row] = await ctx.store.repositories.outbox.listFor(meeting.id, ['sent']);
    expect(row?.activityId).toMatch(/^activity-/);

    // Nothing more until the reminder's time: Friday 31 May 09:00 (3 June is a Monday).
    clock.set(jst('2024-05-31T08:59:00'));
    expect((await run()).sent).toBe(0);
    clock.set(jst('2024-05-31T09:00:00'));
    await run();
    const reminder = cardOf(sentTo(council.conversationId).at(-1));
    expect(cardText(reminder)).toContain('会議のお知らせ（開催前日）');
    // The member who has not answered gets a personal nudge.
    expect(cardText(cardOf(sentTo('a:member')[0]))).toContain('出欠の回答をお願いします');
  });

  it('on rescheduling, never sends the old reminder, updates the posted card in place and says what changed', async () => {
    clock.set(jst('2024-06-03T10:00:00'));
    const channel = conversationAt(connector, '19:council-2@thread.tacv2');
    await subscribe(ctx, channel, ['convocations', 'meetingReminders'], { bodyId: 'council' });
    const chair = await staff('seisaku-kikaku.kacho@example.jp');
    const meeting = await conveneMeeting(ctx, chair, {
      meetingId: 'council-2',
      bodyId: 'council',
      startsAt: jst('2024-06-10T14:00:00'),
      endsAt: jst('2024-06-10T15:00:00'),
      agenda: [{ title: '議題', kind: 'general' }],
      guests: [],
    });
    await run();
    const posted = sentTo(channel.conversationId)[0]!;
    const activityId = (await ctx.store.repositories.outbox.listFor(meeting.id, ['sent']))[0]!.activityId;

    await rescheduleMeeting(ctx, chair, {
      meetingId: meeting.id,
      startsAt: jst('2024-06-17T14:00:00'),
      endsAt: jst('2024-06-17T15:00:00'),
      reason: '議長の公務',
    });
    await run();
    const update = connector.received({ conversationId: channel.conversationId, operation: 'updateActivity', delivered: true });
    expect(update).toHaveLength(1);
    expect(update[0]!.activityId).toBe(activityId);
    expect(cardText(cardOf(update[0]))).toContain('令和6年6月17日（月）14:00');
    const notice = cardText(cardOf(sentTo(channel.conversationId).at(-1)));
    expect(notice).toContain('日時が変更されました（変更前: 令和6年6月10日（月）14:00〜15:00）');
    expect(notice).toContain('令和6年6月17日（月）14:00〜15:00');
    expect(posted.status).toBe(201);

    // The reminder planned for 10 June (due Fri 7 June) is never sent; the one for 17 June is.
    const before = sentTo(channel.conversationId).length;
    clock.set(jst('2024-06-07T09:30:00'));
    await run();
    expect(sentTo(channel.conversationId)).toHaveLength(before);
    clock.set(jst('2024-06-14T09:00:00'));
    await run();
    expect(cardText(cardOf(sentTo(channel.conversationId).at(-1)))).toContain('会議のお知らせ');
    expect(cardText(cardOf(sentTo(channel.conversationId).at(-1)))).toContain('令和6年6月17日');

    await cancelMeeting(ctx, chair, meeting.id);
    await run();
    const cancelled = connector.received({ conversationId: channel.conversationId, operation: 'updateActivity', delivered: true }).at(-1);
    expect(cardText(cardOf(cancelled))).toContain('中止');
    expect(cardText(cardOf(sentTo(channel.conversationId).at(-1)))).toContain('中止になりました');
  });

  it('after downtime sends only the latest due reminder of each deadline, skips the stale ones, and nothing twice after restarts', async () => {
    clock.set(jst('2024-05-01T08:00:00'));
    const channel = conversationAt(connector, '19:deadlines@thread.tacv2');
    await subscribe(ctx, channel, ['proposalDeadlines'], { callId: 'fy2024-new-initiative' });
    await run(); // plans the reminders of both tracks
    clock.set(jst('2024-05-10T09:00:00'));
    await run();
    expect(cardText(cardOf(sentTo(channel.conversationId)[0]))).toContain('令和6年5月17日（金）まで — あと7日');

    // Down from 10 May until 13 June noon: 3 and 1 days before the individual deadline, its day
    // and its closed notice have all expired; of the department track's 7-, 3- and 1-day
    // reminders only the 1-day one is still worth sending.
    connector.reset();
    clock.set(jst('2024-06-13T12:00:00'));
    const report = await run('restarted-1');
    expect(report.sent).toBe(1);
    expect(cardText(cardOf(sentTo(channel.conversationId)[0]))).toContain('令和6年6月14日（金）まで — あと1日');
    expect(report.skipped).toBeGreaterThanOrEqual(5);
    expect((await run('restarted-2')).sent).toBe(0);
    expect((await run('restarted-3')).sent).toBe(0);
    expect(sentTo(channel.conversationId)).toHaveLength(1);

    // After the deadline: the closed notice with the number of proposals received.
    clock.set(jst('2024-06-17T09:00:00'));
    await run();
    const closed = cardText(cardOf(sentTo(channel.conversationId).at(-1)));
    expect(closed).toContain('提案募集を締め切りました');
    expect(closed).toMatch(/受付件数\n\d+件/);
  });

  it('reminds an author of an unsubmitted draft, and stops once it is submitted', async () => {
    clock.set(jst('2024-05-10T10:00:00'));
    const author = await staff('chiiki-gyosei.shunin@example.jp');
    await ctx.store.repositories.conversations.upsert(
      conversationAt(connector, 'a:author', { kind: 'personal', staffId: author.id, channelId: undefined, teamId: undefined }),
    );
    await saveProposalDraft(ctx, author, { proposalId: 'draft-1', callId: 'fy2024-new-initiative', track: 'individual', title: '電子決裁の徹底' });
    await run();
    clock.set(jst('2024-05-14T09:00:00'));
    await run();
    const reminder = cardOf(sentTo('a:author')[0])!;
    expect(cardProblems(reminder)).toEqual([]);
    expect(cardText(reminder)).toContain('電子決裁の徹底');
    await submitProposal(ctx, author, {
      proposalId: 'draft-1',
      callId: 'fy2024-new-initiative',
      track: 'individual',
      title: '電子決裁の徹底',
      summary: '紙の決裁をなくす',
      expectedEffect: '時間短縮',
    });
    clock.set(jst('2024-05-16T09:00:00'));
    await run();
    expect(sentTo('a:author')).toHaveLength(1);
  });

  it('asks a PT secretariat for its progress report two weeks before the HQ meeting', async () => {
    clock.set(jst('2024-07-01T10:00:00'));
    const secretary = await staff('chiiki-gyosei.kacho@example.jp');
    // The chat was made from a Japanese client, but the person chose English: their choice wins.
    await ctx.store.repositories.conversations.upsert(
      conversationAt(connector, 'a:pt-secretary', { kind: 'personal', staffId: secretary.id, channelId: undefined, teamId: undefined, locale: 'ja' }),
    );
    await setPreferredLocale(ctx, secretary, 'en');
    // The PT's own channel asked for its progress-report requests; another PT's channel did not.
    await subscribe(ctx, conversationAt(connector, '19:pt-2-24@thread.tacv2'), ['progressReportRequests'], { bodyId: 'pt-2-24' });
    await subscribe(ctx, conversationAt(connector, '19:pt-1-4@thread.tacv2'), ['progressReportRequests'], { bodyId: 'pt-1-4' });
    await conveneMeeting(ctx, await staff('kucho@example.jp'), {
      meetingId: 'hq-1',
      bodyId: 'hq',
      startsAt: jst('2024-07-29T10:00:00'),
      endsAt: jst('2024-07-29T11:00:00'),
      agenda: [{ title: 'PTの進捗', kind: 'ptProgress', ptId: 'pt-2-24' }],
      guests: [],
    });
    await run();
    expect(sentTo('a:pt-secretary')).toHaveLength(0);
    clock.set(jst('2024-07-12T09:00:00')); // 29 July − 14 days = Mon 15 July, 海の日 → Fri 12 July
    await run();
    const text = cardText(cardOf(sentTo('a:pt-secretary')[0]));
    expect(text).toContain('PT progress report requested');
    expect(text).toContain('オンライン相談・手続き支援の拡充');
    expect(cardText(cardOf(sentTo('19:pt-2-24@thread.tacv2')[0]))).toContain('PT進捗報告のお願い');
    expect(sentTo('19:pt-1-4@thread.tacv2')).toHaveLength(0);
  });

  it('delivers the convener’s reminder to each unanswered attendee with a chat with the bot, and to nobody who has answered', async () => {
    clock.set(jst('2024-07-01T10:00:00'));
    const personal = async (upn: string, conversationId: string) => {
      const person = await staff(upn);
      await ctx.store.repositories.conversations.upsert(
        conversationAt(connector, conversationId, { kind: 'personal', staffId: person.id, channelId: undefined, teamId: undefined }),
      );
      return person;
    };
    await personal('somu.kacho@example.jp', 'a:remind-somu');
    const answeredBefore = await personal('dx.kacho@example.jp', 'a:remind-dx');
    const answeredAfter = await personal('jinji.kacho@example.jp', 'a:remind-jinji');
    const chair = await staff('seisaku-kikaku.kacho@example.jp');
    const meeting = await conveneMeeting(ctx, chair, {
      meetingId: 'council-remind',
      bodyId: 'council',
      startsAt: jst('2024-07-08T14:00:00'),
      endsAt: jst('2024-07-08T15:30:00'),
      agenda: [{ title: '議題', kind: 'general' }],
      guests: [],
    });
    await answerRsvp(ctx, answeredBefore, { meetingId: meeting.id, response: 'attend' });
    const { reminder } = await remindUnanswered(ctx, chair, meeting.id);
    expect(reminder.recipients).toBeGreaterThanOrEqual(2);
    expect(reminder.unreachable).toBeGreaterThan(0);
    // Someone who answers between the press and the send is not nudged.
    await answerRsvp(ctx, answeredAfter, { meetingId: meeting.id, response: 'absent' });
    await run();

    const [nudge, ...more] = sentTo('a:remind-somu');
    expect(more).toEqual([]);
    const card = cardOf(nudge)!;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('出欠の回答をお願いします');
    expect(cardText(card)).toContain('令和6年7月8日（月）14:00〜15:30');
    expect(JSON.stringify(card)).toContain('"verb":"meeting.rsvp"');
    expect(sentTo('a:remind-dx')).toHaveLength(0);
    expect(sentTo('a:remind-jinji')).toHaveLength(0);
    const rows = await ctx.store.repositories.outbox.listFor(meeting.id, ['sent', 'skipped']);
    expect(rows.find((row) => row.conversationId === 'a:remind-jinji')).toMatchObject({ state: 'skipped' });

    // A second press plans nothing more.
    await expect(remindUnanswered(ctx, chair, meeting.id)).rejects.toThrow('meeting.rsvpReminderAlreadySent');
    connector.reset();
    await run();
    expect(sentTo('a:remind-somu')).toHaveLength(0);
  });

  it('deactivates a conversation Teams says the bot is not in, keeps the record, and never retries', async () => {
    clock.set(jst('2024-06-03T10:00:00'));
    const gone = conversationAt(connector, '19:gone@thread.tacv2');
    await subscribe(ctx, gone, ['convocations'], { bodyId: 'council' });
    connector.failNext(gone.conversationId, 403, 'BotNotInConversationRoster');
    await conveneMeeting(ctx, await staff('seisaku-kikaku.kacho@example.jp'), {
      meetingId: 'council-3',
      bodyId: 'council',
      startsAt: jst('2024-06-24T14:00:00'),
      endsAt: jst('2024-06-24T15:00:00'),
      agenda: [{ title: '議題', kind: 'general' }],
      guests: [],
    });
    const report = await run();
    expect(report.failed).toBeGreaterThanOrEqual(1);
    expect(await ctx.store.repositories.conversations.get(gone.conversationId)).toMatchObject({
      active: false,
      deactivatedReason: 'BotNotInConversationRoster',
    });
    await run();
    expect(connector.received({ conversationId: gone.conversationId })).toHaveLength(1);
  });

  it('honours Retry-After on 429 and backs off on 503, giving up after the last attempt', async () => {
    clock.set(jst('2024-06-04T10:00:00'));
    const busy = conversationAt(connector, '19:busy@thread.tacv2');
    const down = conversationAt(connector, '19:down@thread.tacv2');
    await subscribe(ctx, busy, ['convocations'], { bodyId: 'council' });
    await subscribe(ctx, down, ['convocations'], { bodyId: 'council' });
    connector.failNext(busy.conversationId, 429);
    connector.failNext(down.conversationId, 503, 'ServiceUnavailable', 10);
    await conveneMeeting(ctx, await staff('seisaku-kikaku.kacho@example.jp'), {
      meetingId: 'council-4',
      bodyId: 'council',
      startsAt: jst('2024-07-01T14:00:00'),
      endsAt: jst('2024-07-01T15:00:00'),
      agenda: [{ title: '議題', kind: 'general' }],
      guests: [],
    });
    await run();
    // The stand-in asked for 1 s: nothing is tried before then, and it goes through after.
    clock.advance(500);
    await run();
    expect(sentTo(busy.conversationId)).toHaveLength(0);
    clock.advance(600);
    await run();
    expect(sentTo(busy.conversationId)).toHaveLength(1);

    // Each refusal puts the row back with a longer wait (exponential backoff with jitter).
    const waits: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const row = (await ctx.store.repositories.outbox.listFor('council-4', ['pending'])).find((entry) => entry.conversationId === down.conversationId);
      if (row?.nextAttemptAt) waits.push(row.nextAttemptAt.getTime() - clock.now().getTime());
      clock.advance(30 * 60_000);
      await run();
    }
    expect(connector.received({ conversationId: down.conversationId })).toHaveLength(6);
    expect((await ctx.store.repositories.outbox.listFor('council-4', ['failed'])).map((row) => row.conversationId)).toContain(down.conversationId);
    expect(waits.length).toBeGreaterThanOrEqual(4);
    for (let index = 1; index < waits.length; index += 1) expect(waits[index]!).toBeGreaterThanOrEqual(waits[index - 1]!);
    expect(waits.at(-1)).toBeGreaterThanOrEqual(8_000);
  });
});
