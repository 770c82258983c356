import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import type { Staff } from '../../shared/organisation/staff.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { completeAction } from '../../shared/use-cases/meeting-minutes.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connector-stand-in.js';
import { conversationAt, notificationScheduler } from '../support/notification-harness.js';
import { confirmedHqMeetingWithActions } from '../support/minutes-fixture.js';
import { openProgrammeContext } from '../support/programme-store.js';

const jst = (text: string) => new Date(`${text}+09:00`);

/**
 * An action item from confirmed minutes reminds its owners before the due date through the
 * outbox: 3 and 1 business days ahead at 09:00, each once whichever scheduler instance runs (a
 * restarted process is a new instance on the same store), and none once it is done.
 */
describe('action item reminders', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;
  let connector: ConnectorStandIn;
  let chief: Staff;
  let colleague: Staff;
  const cardsTo = (conversationId: string) =>
    connector
      .received({ conversationId, delivered: true })
      .map((request) => ((request.body?.attachments as { content: AdaptiveCard }[] | undefined) ?? [])[0]?.content)
      .filter((card): card is AdaptiveCard => card !== undefined);

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    connector = await startConnectorStandIn();
    const byUpn = async (upn: string) => (await ctx.store.repositories.staff.findByUpn(upn))!;
    chief = await byUpn('chiiki-gyosei.shunin@example.jp');
    colleague = (await ctx.store.repositories.staff.list()).find((person) => person.unitId === chief.unitId && person.id !== chief.id)!;
    for (const [person, id] of [
      [chief, 'a:chief'],
      [colleague, 'a:colleague'],
    ] as const) {
      await ctx.store.repositories.conversations.upsert(
        conversationAt(connector, id, { kind: 'personal', staffId: person.id, channelId: undefined, teamId: undefined }),
      );
    }
    await confirmedHqMeetingWithActions(ctx, clock, 'hq-actions', [
      // Friday 14 June: reminded on Tuesday 11 and Thursday 13 June.
      { title: '費用対効果の試算', owner: { kind: 'staff', staffId: chief.id }, dueOn: '2024-06-14' },
      // Monday 10 June: 3 days before is Friday 7 June; 1 day before is Sunday, so Friday too — one reminder.
      { title: '他自治体の事例調査', owner: { kind: 'unit', unitId: chief.unitId! }, dueOn: '2024-06-10' },
    ]);
  });
  afterAll(async () => {
    await connector?.close();
    await ctx?.store.close();
  });

  it('sends nothing before the first reminder is due', async () => {
    clock.set(jst('2024-06-06T18:00:00'));
    await notificationScheduler(ctx, 'instance-a').runOnce();
    expect(cardsTo('a:chief')).toEqual([]);
  });

  it('reminds every member of the owning unit once, on the business day before a weekend due date, across a restart', async () => {
    clock.set(jst('2024-06-07T09:00:00'));
    await notificationScheduler(ctx, 'instance-a').runOnce();
    await notificationScheduler(ctx, 'instance-b').runOnce();
    clock.set(jst('2024-06-07T12:00:00'));
    await notificationScheduler(ctx, 'instance-c').runOnce();
    for (const conversationId of ['a:chief', 'a:colleague']) {
      const cards = cardsTo(conversationId);
      expect(cards, conversationId).toHaveLength(1);
      expect(cardProblems(cards[0]!)).toEqual([]);
      expect(cardText(cards[0]!)).toContain('他自治体の事例調査');
      expect(cardText(cards[0]!)).toContain('令和6年6月10日');
    }
  });

  it('reminds a person of their own item 3 and 1 days ahead, and not once it is done', async () => {
    clock.set(jst('2024-06-11T09:00:00'));
    await notificationScheduler(ctx, 'instance-a').runOnce();
    expect(
      cardsTo('a:chief')
        .map(cardText)
        .filter((text) => text.includes('費用対効果の試算')),
    ).toHaveLength(1);
    expect(
      cardsTo('a:colleague')
        .map(cardText)
        .filter((text) => text.includes('費用対効果の試算')),
    ).toHaveLength(0);

    const [item] = (await ctx.store.repositories.actionItems.list({ status: 'open' })).filter((entry) => entry.title === '費用対効果の試算');
    await completeAction(ctx, chief, item!.id, '提出済み');
    clock.set(jst('2024-06-13T09:00:00'));
    await notificationScheduler(ctx, 'instance-b').runOnce();
    expect(
      cardsTo('a:chief')
        .map(cardText)
        .filter((text) => text.includes('費用対効果の試算')),
    ).toHaveLength(1);
  });
});
