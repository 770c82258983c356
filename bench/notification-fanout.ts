/**
 * Fans one deadline reminder out to 500 channels of one tenant through the local Bot Connector
 * stand-in, which enforces Teams' published limits (it answers 429 when they are exceeded).
 * Prints the time taken against the least the tenant limit allows (500 / 50 per second = 10 s),
 * the 429s received and the duplicates.
 *
 *   npx tsx bench/notification-fanout.ts [--conversations 500]
 *
 * Target: ≤ 1.1× the minimum, zero 429s, zero duplicates.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createConnectorSender } from '../bot/notifications/connector-sender.js';
import { createNotificationRenderer } from '../bot/notifications/notification-renderer.js';
import { createNotificationScheduler } from '../server/notification-scheduler.js';
import type { ProposalCall } from '../shared/calls/proposal-call.js';
import { DEFAULT_REMINDER_POLICY } from '../shared/calls/proposal-call.js';
import { deadlineFromDate, jstDateOf } from '../shared/time/index.js';
import { systemClock } from '../shared/time/clock.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { createStore } from '../store/create-store.js';
import { startConnectorStandIn } from '../tests/support/connector-stand-in.js';

const { values } = parseArgs({ options: { conversations: { type: 'string', default: '500' } } });
const COUNT = Number(values.conversations);
const TENANT = 'bench-tenant';

const ctx: UseCaseContext = { store: await createStore({ databaseUrl: process.env.DATABASE_URL }), clock: systemClock, newId: randomUUID };
const connector = await startConnectorStandIn();
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
const repos = ctx.store.repositories;
await repos.calls.upsert(call);
const run = randomUUID().slice(0, 8);
for (let index = 0; index < COUNT; index += 1) {
  await repos.conversations.upsert({
    conversationId: `19:bench-${run}-${index}@thread.tacv2`, kind: 'channel', serviceUrl: connector.url, tenantId: TENANT, botId: '28:bench',
    channelId: `19:bench-${run}-${index}@thread.tacv2`, locale: 'ja', active: true, updatedAt: new Date(),
  });
}
await repos.outbox.plan(
  Array.from({ length: COUNT }, (_, index) => ({
    id: randomUUID(),
    occurrenceKey: `deadline:${call.id}:individual:${deadlineDate}:d7`,
    seriesKey: `deadline:${call.id}:individual`,
    conversationId: `19:bench-${run}-${index}@thread.tacv2`,
    kind: 'proposalDeadlines' as const,
    subjectId: `${call.id}:individual`,
    dueAt: new Date(),
    expiresAt: call.tracks[0]!.closesAt,
    payload: { type: 'deadlineReminder' as const, callId: call.id, track: 'individual' as const },
  })),
);

const scheduler = createNotificationScheduler({ ctx, sender: createConnectorSender({}), renderer: createNotificationRenderer(repos), logger: pino({ level: 'silent' }), reconcileIntervalMs: Number.MAX_SAFE_INTEGER });
const started = performance.now();
while ((await repos.outbox.countByState()).pending > 0) await scheduler.runOnce();
const seconds = (performance.now() - started) / 1000;
await scheduler.stop();

const writes = connector.received({ operation: 'sendToConversation' });
const throttled = writes.filter((request) => request.status === 429).length;
const delivered = writes.filter((request) => request.status < 300);
const duplicates = delivered.length - new Set(delivered.map((request) => request.conversationId)).size;
const minimum = COUNT / 50;
console.log(`${COUNT} conversations, one tenant, ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite in memory'}, node ${process.version}`);
console.log(`time ${seconds.toFixed(2)} s; minimum allowed by 50 requests/s per tenant ${minimum.toFixed(1)} s; ratio ${(seconds / minimum).toFixed(2)}× (target ≤ 1.10×)`);
console.log(`delivered ${delivered.length}, 429 received ${throttled} (target 0), duplicates ${duplicates} (target 0)`);
await connector.close();
await ctx.store.close();
