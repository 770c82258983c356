import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../shared/ports/store.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { createStore } from '../../store/create-store.js';
import { createPostgresSendBudget, type PostgresSendBudget } from '../../store/postgres-send-budget.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connector-stand-in.js';
import { FY2024_NEW_INITIATIVE_CALL } from '../support/domain-fixtures.js';
import { conversationAt, notificationScheduler } from '../support/notification-harness.js';
import { createServerDatabase } from '../support/test-store.js';

const serverUrl = process.env.DATABASE_URL;
const CONVERSATIONS = 1_000;
const TENANTS = 50;
const CHANNELS_OF_ONE_TENANT = 500;

/** Due deadline reminders, one per conversation. */
function dueReminders(conversationIds: readonly string[], clock: ManualClock) {
  return conversationIds.map((conversationId, index) => ({
    id: `row-${index}`,
    occurrenceKey: 'deadline:fy2024-new-initiative:individual:2024-05-17:d7',
    seriesKey: 'deadline:fy2024-new-initiative:individual',
    conversationId,
    kind: 'proposalDeadlines' as const,
    subjectId: 'fy2024-new-initiative:individual',
    dueAt: clock.now(),
    expiresAt: FY2024_NEW_INITIATIVE_CALL.tracks[1]!.closesAt,
    payload: { type: 'deadlineReminder' as const, callId: FY2024_NEW_INITIATIVE_CALL.id, track: 'individual' as const },
  }));
}

/**
 * Two app instances (two stores with their own connection pools, two schedulers with their own
 * instance ids) share one PostgreSQL server and 1,000 due reminders.
 */
describe.skipIf(!serverUrl)('two instances on one PostgreSQL server', { timeout: 240_000 }, () => {
  const clock = new ManualClock(new Date('2024-05-10T00:00:00Z'));
  let database: { url: string; drop: () => Promise<void> };
  let stores: Store[] = [];
  let connector: ConnectorStandIn;

  beforeAll(async () => {
    database = await createServerDatabase(serverUrl!);
    stores = [await createStore({ databaseUrl: database.url, poolSize: 5 }), await createStore({ databaseUrl: database.url, poolSize: 5 })];
    connector = await startConnectorStandIn();
    const repos = stores[0]!.repositories;
    await repos.calls.upsert(FY2024_NEW_INITIATIVE_CALL);
    for (let index = 0; index < CONVERSATIONS; index += 1) {
      await repos.conversations.upsert(conversationAt(connector, `19:c${index}@thread.tacv2`, { tenantId: `tenant-${index % TENANTS}` }));
    }
    await repos.outbox.plan(
      dueReminders(
        Array.from({ length: CONVERSATIONS }, (_, index) => `19:c${index}@thread.tacv2`),
        clock,
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await connector?.close();
    for (const store of stores) await store.close();
    await database?.drop();
  });

  it('sends each (reminder, conversation) exactly once, none lost, none doubled', async () => {
    const instances = stores.map((store, index) => {
      const ctx: UseCaseContext = { store, clock, newId: () => `unused-${index}` };
      return notificationScheduler(ctx, `instance-${index}`);
    });
    const sentBy = [0, 0];
    for (let pass = 0; pass < 20; pass += 1) {
      const reports = await Promise.all(instances.map((instance) => instance.runOnce()));
      reports.forEach((report, index) => (sentBy[index]! += report.sent));
      const counts = await stores[0]!.repositories.outbox.countByState();
      if (counts.pending === 0 && counts.sending === 0) break;
    }
    expect(await stores[0]!.repositories.outbox.countByState()).toEqual({ pending: 0, sending: 0, sent: CONVERSATIONS, failed: 0, skipped: 0 });
    const delivered = connector.received({ operation: 'sendToConversation', delivered: true });
    expect(delivered).toHaveLength(CONVERSATIONS);
    expect(new Set(delivered.map((request) => request.conversationId)).size).toBe(CONVERSATIONS);
    // Both instances did part of the work.
    expect(sentBy[0]).toBeGreaterThan(0);
    expect(sentBy[1]).toBeGreaterThan(0);
    expect(sentBy[0]! + sentBy[1]!).toBe(CONVERSATIONS);
  });
});

/**
 * Three app instances fan one reminder out to 500 channels of one tenant through the connector
 * stand-in, which answers 429 above Teams' limits. Each instance alone would keep to 50/s; only
 * a budget they share keeps the three together there.
 */
describe.skipIf(!serverUrl)('three instances sharing one tenant’s send budget', { timeout: 240_000 }, () => {
  const clock = new ManualClock(new Date('2024-05-10T00:00:00Z'));
  const channels = Array.from({ length: CHANNELS_OF_ONE_TENANT }, (_, index) => `19:fanout-${index}@thread.tacv2`);
  let database: { url: string; drop: () => Promise<void> };
  let stores: Store[] = [];
  let budgets: PostgresSendBudget[] = [];
  let connector: ConnectorStandIn;

  beforeAll(async () => {
    database = await createServerDatabase(serverUrl!);
    for (let index = 0; index < 3; index += 1) {
      stores.push(await createStore({ databaseUrl: database.url, poolSize: 5 }));
      budgets.push(createPostgresSendBudget({ databaseUrl: database.url }));
    }
    connector = await startConnectorStandIn();
    const repos = stores[0]!.repositories;
    await repos.calls.upsert(FY2024_NEW_INITIATIVE_CALL);
    for (const channel of channels) await repos.conversations.upsert(conversationAt(connector, channel, { tenantId: 'tenant-fanout' }));
    await repos.outbox.plan(dueReminders(channels, clock));
  }, 120_000);
  afterAll(async () => {
    await connector?.close();
    for (const budget of budgets) await budget.close();
    for (const store of stores) await store.close();
    await database?.drop();
    stores = [];
    budgets = [];
  });

  it('keeps the three within the tenant’s 50/s: no 429, each (reminder, channel) delivered once', async () => {
    const instances = stores.map((store, index) =>
      notificationScheduler({ store, clock, newId: () => `unused-${index}` }, `fanout-${index}`, undefined, budgets[index]),
    );
    const sentBy = [0, 0, 0];
    for (let pass = 0; pass < 100; pass += 1) {
      const reports = await Promise.all(instances.map((instance) => instance.runOnce()));
      reports.forEach((report, index) => (sentBy[index]! += report.sent));
      const counts = await stores[0]!.repositories.outbox.countByState();
      if (counts.pending === 0 && counts.sending === 0) break;
      // A retry waits for Retry-After; do not spin meanwhile.
      if (reports.every((report) => report.sent === 0)) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const writes = connector.received({ operation: 'sendToConversation' });
    expect(writes.filter((request) => request.status === 429)).toHaveLength(0);
    const delivered = connector.received({ operation: 'sendToConversation', delivered: true });
    expect(delivered).toHaveLength(CHANNELS_OF_ONE_TENANT);
    expect(new Set(delivered.map((request) => request.conversationId))).toEqual(new Set(channels));
    expect(await stores[0]!.repositories.outbox.countByState()).toEqual({ pending: 0, sending: 0, sent: CHANNELS_OF_ONE_TENANT, failed: 0, skipped: 0 });
    expect(sentBy.every((sent) => sent > 0)).toBe(true);
  });
});
