/**
 * Fans one deadline reminder out to 500 channels of one tenant through the local Bot Connector
 * stand-in, which enforces Teams' published limits (it answers 429 when they are exceeded).
 * Prints the time taken against the least the tenant limit allows (500 / 50 per second = 10 s),
 * the 429s received and the duplicates.
 *
 *   npx tsx bench/notification-fanout.ts [--conversations 500]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/notification-fanout.ts --instances 3
 *
 * One instance runs on PGlite in memory, or with DATABASE_URL on that server with the budget the
 * server then uses (store/postgres-send-budget.ts). `--instances N` (N > 1, PostgreSQL only) runs
 * N app instances in this process — each its own connection pool, scheduler and instance id —
 * twice, each time on a throw-away database: sharing the PostgreSQL send budget, then as before
 * it, each with its own per-process limiter (N × 50/s against one tenant: 429s and backoff).
 *
 * Target: ≤ 1.1× the minimum, zero 429s, zero duplicates (with the shared budget).
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createConnectorSender } from '../bot/notifications/connector-sender.js';
import { createNotificationRenderer } from '../bot/notifications/notification-renderer.js';
import { createNotificationScheduler, type NotificationScheduler } from '../server/notification-scheduler.js';
import type { ProposalCall } from '../shared/calls/proposal-call.js';
import { DEFAULT_REMINDER_POLICY } from '../shared/calls/proposal-call.js';
import type { Store } from '../shared/ports/store.js';
import { deadlineFromDate, jstDateOf } from '../shared/time/index.js';
import { systemClock } from '../shared/time/clock.js';
import { createStore } from '../store/create-store.js';
import { createPostgresSendBudget, type PostgresSendBudget } from '../store/postgres-send-budget.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../tests/support/connector-stand-in.js';
import { createServerDatabase } from '../tests/support/server-database.js';

const { values } = parseArgs({ options: { conversations: { type: 'string', default: '500' }, instances: { type: 'string', default: '1' } } });
const COUNT = Number(values.conversations);
const INSTANCES = Number(values.instances);
const TENANT = 'bench-tenant';
const serverUrl = process.env.DATABASE_URL;
if (INSTANCES > 1 && !serverUrl) {
  process.stderr.write('--instances needs DATABASE_URL: instances share their work and their budget through a PostgreSQL server\n');
  process.exit(1);
}

interface FanOut {
  readonly seconds: number;
  readonly delivered: number;
  readonly throttled: number;
  readonly duplicates: number;
  readonly failed: number;
}

/** The reminder's call, `COUNT` channels at the stand-in and one due row for each. */
async function planFanOut(store: Store, connector: ConnectorStandIn): Promise<void> {
  const deadlineDate = jstDateOf(new Date(Date.now() + 10 * 86_400_000));
  const call: ProposalCall = {
    id: `bench-call-${randomUUID()}`,
    kind: 'newInitiative',
    fiscalYear: 2026,
    title: '新規取組み項目の提案募集（ベンチマーク）',
    opensAt: new Date(Date.now() - 86_400_000),
    tracks: [{ kind: 'individual', channel: 'staffProposalSystem', deadlineDate, closesAt: deadlineFromDate(deadlineDate) }],
    formFields: [],
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    status: 'published',
    demo: true,
  };
  const repos = store.repositories;
  await repos.calls.upsert(call);
  const run = randomUUID().slice(0, 8);
  const channel = (index: number) => `19:bench-${run}-${index}@thread.tacv2`;
  for (let index = 0; index < COUNT; index += 1) {
    await repos.conversations.upsert({
      conversationId: channel(index),
      kind: 'channel',
      serviceUrl: connector.url,
      tenantId: TENANT,
      botId: '28:bench',
      channelId: channel(index),
      locale: 'ja',
      active: true,
      updatedAt: new Date(),
    });
  }
  await repos.outbox.plan(
    Array.from({ length: COUNT }, (_, index) => ({
      id: randomUUID(),
      occurrenceKey: `deadline:${call.id}:individual:${deadlineDate}:d7`,
      seriesKey: `deadline:${call.id}:individual`,
      conversationId: channel(index),
      kind: 'proposalDeadlines' as const,
      subjectId: `${call.id}:individual`,
      dueAt: new Date(),
      expiresAt: call.tracks[0]!.closesAt,
      payload: { type: 'deadlineReminder' as const, callId: call.id, track: 'individual' as const },
    })),
  );
}

/** Runs every instance's passes until no row is pending or being sent; the seconds that took. */
async function runUntilDone(schedulers: readonly NotificationScheduler[], store: Store): Promise<number> {
  const started = performance.now();
  await Promise.all(
    schedulers.map(async (scheduler) => {
      for (;;) {
        const report = await scheduler.runOnce();
        const counts = await store.repositories.outbox.countByState();
        if (counts.pending === 0 && counts.sending === 0) return;
        // Nothing claimable here (others hold it, or it waits for Retry-After): do not spin.
        if (report.sent === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const scheduler of schedulers) await scheduler.stop();
  return seconds;
}

/** `instances` app instances on `databaseUrl` (PGlite when absent), sharing a PostgreSQL budget or each counting alone. */
async function fanOut(databaseUrl: string | undefined, instances: number, budget: 'shared' | 'per-process'): Promise<FanOut> {
  const connector = await startConnectorStandIn();
  const stores: Store[] = [];
  const budgets: PostgresSendBudget[] = [];
  for (let index = 0; index < instances; index += 1) {
    stores.push(await createStore({ databaseUrl, ...(instances > 1 ? { poolSize: 5 } : {}) }));
    if (budget === 'shared' && databaseUrl) budgets.push(createPostgresSendBudget({ databaseUrl }));
  }
  await planFanOut(stores[0]!, connector);
  const schedulers = stores.map((store, index) =>
    createNotificationScheduler({
      ctx: { store, clock: systemClock, newId: randomUUID },
      sender: createConnectorSender({}),
      renderer: createNotificationRenderer(store.repositories),
      logger: pino({ level: 'silent' }),
      reconcileIntervalMs: Number.MAX_SAFE_INTEGER,
      ...(budgets[index] ? { budget: budgets[index] } : {}),
    }),
  );
  const seconds = await runUntilDone(schedulers, stores[0]!);
  const { failed } = await stores[0]!.repositories.outbox.countByState();
  const writes = connector.received({ operation: 'sendToConversation' });
  const delivered = writes.filter((request) => request.status < 300);
  await connector.close();
  for (const each of budgets) await each.close();
  for (const store of stores) await store.close();
  return {
    seconds,
    delivered: delivered.length,
    throttled: writes.filter((request) => request.status === 429).length,
    duplicates: delivered.length - new Set(delivered.map((request) => request.conversationId)).size,
    failed,
  };
}

/** A throw-away database on the server for one run of `fanOut`. */
async function onFreshDatabase(instances: number, budget: 'shared' | 'per-process'): Promise<FanOut> {
  const database = await createServerDatabase(serverUrl!);
  try {
    return await fanOut(database.url, instances, budget);
  } finally {
    await database.drop();
  }
}

const minimum = COUNT / 50;
const print = (label: string, result: FanOut) => {
  console.log(
    `${label}: time ${result.seconds.toFixed(2)} s; minimum allowed by 50 requests/s per tenant ${minimum.toFixed(1)} s; ratio ${(result.seconds / minimum).toFixed(2)}× (target ≤ 1.10×)`,
  );
  console.log(
    `${' '.repeat(label.length)}  delivered ${result.delivered} of ${COUNT}, 429 received ${result.throttled} (target 0), duplicates ${result.duplicates} (target 0), failed ${result.failed}`,
  );
};

if (INSTANCES > 1) {
  console.log(`${COUNT} conversations, one tenant, ${INSTANCES} instances in one process on a PostgreSQL server, node ${process.version}`);
  print('shared PostgreSQL budget', await onFreshDatabase(INSTANCES, 'shared'));
  print('per-process limiters (before)', await onFreshDatabase(INSTANCES, 'per-process'));
} else {
  console.log(
    `${COUNT} conversations, one tenant, ${serverUrl ? 'PostgreSQL server (its shared budget)' : 'PGlite in memory (in-process limiter)'}, node ${process.version}`,
  );
  print('one instance', await fanOut(serverUrl, 1, 'shared'));
}
