import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalCall } from '../../shared/calls/proposal-call.js';
import type { Store } from '../../shared/ports/store.js';
import { addDays, deadlineFromDate, jstDateOf } from '../../shared/time/index.js';
import { createStore } from '../../store/create-store.js';
import { ChildServer, freePort, waitFor } from '../support/child-process.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connector-stand-in.js';
import { FY2024_NEW_INITIATIVE_CALL } from '../support/domain-fixtures.js';
import { conversationAt } from '../support/notification-harness.js';
import { createServerDatabase } from '../support/test-store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const serverUrl = process.env.DATABASE_URL;
const FAN_OUT = 50;

/**
 * The real server process sends a 50-conversation fan-out through a slow Bot Connector stand-in
 * and is killed with SIGKILL half-way; a second process takes over once the dead one's claims
 * lapse. PostgreSQL server only: the embedded database is for one process on a developer's machine.
 */
describe.skipIf(!serverUrl)('exactly once across a crash (SIGKILL) and restart', { timeout: 240_000 }, () => {
  let database: { url: string; drop: () => Promise<void> };
  let store: Store;
  let connector: ConnectorStandIn;
  const processes: ChildServer[] = [];

  const startServer = async () => {
    const server = new ChildServer(process.execPath, ['dist/server/main.js'], {
      cwd: ROOT,
      inheritEnv: true,
      env: {
        DATABASE_URL: database.url,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NOTIFICATION_LEASE_MS: '2000',
        NOTIFICATION_INTERVAL_MS: '200',
      },
    });
    processes.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await createServerDatabase(serverUrl!);
    store = await createStore({ databaseUrl: database.url, poolSize: 3 });
    connector = await startConnectorStandIn({ responseDelayMs: 250 });
    const deadlineDate = jstDateOf(new Date(Date.now() + 10 * 86_400_000));
    const call: ProposalCall = {
      ...FY2024_NEW_INITIATIVE_CALL,
      id: 'open-call',
      opensAt: new Date(Date.now() - 86_400_000),
      tracks: [{ kind: 'individual', channel: 'staffProposalSystem', deadlineDate, closesAt: deadlineFromDate(deadlineDate) }],
    };
    await store.repositories.calls.upsert(call);
    for (let index = 0; index < FAN_OUT; index += 1) {
      await store.repositories.conversations.upsert(conversationAt(connector, `19:fan-${index}@thread.tacv2`, { tenantId: `tenant-${index % 5}` }));
    }
    await store.repositories.outbox.plan(
      Array.from({ length: FAN_OUT }, (_, index) => ({
        id: `fan-${index}`,
        occurrenceKey: `deadline:open-call:individual:${deadlineDate}:d7`,
        seriesKey: 'deadline:open-call:individual',
        conversationId: `19:fan-${index}@thread.tacv2`,
        kind: 'proposalDeadlines' as const,
        subjectId: 'open-call:individual',
        dueAt: new Date(Date.now() - 1_000),
        expiresAt: deadlineFromDate(addDays(deadlineDate, 0)),
        payload: { type: 'deadlineReminder' as const, callId: 'open-call', track: 'individual' as const },
      })),
    );
  }, 120_000);

  afterAll(async () => {
    for (const running of processes) await running.stop('SIGKILL');
    await connector?.close();
    await store?.close();
    await database?.drop();
  });

  it('records each reminder sent once and delivers it at most once more than the sends in flight at the crash', async () => {
    const first = await startServer();
    const deliveries = () => connector.received({ operation: 'sendToConversation' });
    // Kill it with part of the fan-out recorded sent and the next sends in flight.
    await waitFor(async () => {
      const recorded = (await store.repositories.outbox.countByState()).sent;
      return recorded >= 10 && deliveries().length > recorded;
    }, first.transcript);
    await first.stop('SIGKILL');
    const deliveredAtCrash = deliveries().length;
    const recordedAtCrash = (await store.repositories.outbox.countByState()).sent;
    expect(deliveredAtCrash).toBeLessThan(FAN_OUT);
    expect(recordedAtCrash).toBeGreaterThanOrEqual(10);
    const inFlight = deliveredAtCrash - recordedAtCrash;

    const second = await startServer();
    await waitFor(async () => {
      const counts = await store.repositories.outbox.countByState();
      return counts.sent === FAN_OUT;
    }, second.transcript);
    await second.stop('SIGTERM');

    expect(await store.repositories.outbox.countByState()).toEqual({ pending: 0, sending: 0, sent: FAN_OUT, failed: 0, skipped: 0 });
    const perConversation = new Map<string, number>();
    for (const request of deliveries()) perConversation.set(request.conversationId, (perConversation.get(request.conversationId) ?? 0) + 1);
    expect(perConversation.size).toBe(FAN_OUT);
    const extra = [...perConversation.values()].reduce((sum, count) => sum + count - 1, 0);
    expect(extra).toBeLessThanOrEqual(inFlight);
    expect(Math.max(...perConversation.values())).toBeLessThanOrEqual(2);
    // Two server starts and a lease to lapse in between;
    // each wait above allows 90 s on a busy machine.
  }, 180_000);
});
