import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LimitedKey } from '../../shared/ports/send-budget.js';
import { createStore } from '../../store/create-store.js';
import { createPostgresSendBudget, type PostgresSendBudget, type PostgresSendBudgetOptions } from '../../store/postgres-send-budget.js';
import { createServerDatabase } from '../support/server-database.js';

const serverUrl = process.env.DATABASE_URL;

interface SlotRow {
  acquired_at: Date;
  completed_at: Date | null;
  lease_until: Date;
}

/** The most slots acquired inside any span of `windowMs`, by the database's own timestamps. */
function busiest(times: readonly number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));
}

describe.skipIf(!serverUrl)('the send budget shared through PostgreSQL', { timeout: 60_000 }, () => {
  let database: { url: string; drop: () => Promise<void> };
  let inspector: pg.Client;
  let budgets: PostgresSendBudget[] = [];
  let run = 0;

  beforeAll(async () => {
    database = await createServerDatabase(serverUrl!);
    await (await createStore({ databaseUrl: database.url, poolSize: 1 })).close(); // migrated
    inspector = new pg.Client({ connectionString: database.url });
    await inspector.connect();
  });
  afterEach(async () => {
    for (const budget of budgets) await budget.close();
    budgets = [];
  });
  afterAll(async () => {
    await inspector?.end();
    await database?.drop();
  });

  const open = (options: Omit<PostgresSendBudgetOptions, 'databaseUrl'> = {}) => {
    const budget = createPostgresSendBudget({ databaseUrl: database.url, marginMs: 0, ...options });
    budgets.push(budget);
    return budget;
  };
  /** A key of its own per test; the hour-long window keeps its rows from being pruned while the test reads them. */
  const keyWith = (max: number, windowMs: number): LimitedKey => ({
    key: `tenant:test-${++run}`,
    windows: [
      { max, windowMs },
      { max: 10_000, windowMs: 3_600_000 },
    ],
  });
  const slotsOf = async (key: string) =>
    (await inspector.query<SlotRow>('select acquired_at, completed_at, lease_until from send_budget_slots where budget_key = $1 order by acquired_at', [key]))
      .rows;

  it('lets two instances together take no more than a window allows', async () => {
    const key = keyWith(5, 400);
    const instances = [open(), open()];
    // Ten senders per instance, each sending three times: 60 requests racing for 5 places per 400 ms.
    await Promise.all(
      instances.flatMap((budget) =>
        Array.from({ length: 10 }, async () => {
          for (let request = 0; request < 3; request += 1) {
            const release = await budget.acquire([key]);
            await release();
          }
        }),
      ),
    );
    const slots = await slotsOf(key.key);
    expect(slots).toHaveLength(60);
    expect(
      busiest(
        slots.map((slot) => slot.acquired_at.getTime()),
        400,
      ),
    ).toBeLessThanOrEqual(5);
  });

  it('counts each key of a request: a full tenant holds back a conversation that has room', async () => {
    const tenant = keyWith(3, 400);
    const first = open();
    const second = open();
    const conversations = Array.from({ length: 9 }, () => keyWith(7, 1_000));
    await Promise.all(
      conversations.map(async (conversation, index) => {
        const release = await (index % 2 ? first : second).acquire([conversation, tenant]);
        await release();
      }),
    );
    const slots = await slotsOf(tenant.key);
    expect(slots).toHaveLength(9);
    expect(
      busiest(
        slots.map((slot) => slot.acquired_at.getTime()),
        400,
      ),
    ).toBeLessThanOrEqual(3);
  });

  it('counts a released slot from its completion, not from when it was taken', async () => {
    const key = keyWith(1, 300);
    const holder = open();
    const other = open();
    const release = await holder.acquire([key]);
    let secondTaken = false;
    const second = other.acquire([key]).then((releaseSecond) => {
      secondTaken = true;
      return releaseSecond;
    });
    // Held well past its window: still in flight, so it still counts.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(secondTaken).toBe(false);
    await release();
    await (
      await second
    )();
    const [firstSlot, secondSlot] = await slotsOf(key.key);
    expect(firstSlot!.completed_at).not.toBeNull();
    expect(secondSlot!.acquired_at.getTime() - firstSlot!.completed_at!.getTime()).toBeGreaterThanOrEqual(300);
  });

  it('stops counting a crashed instance’s slot as in flight once its lease ends', async () => {
    const key = keyWith(1, 200);
    const crashed = open({ leaseMs: 500 });
    await crashed.acquire([key]); // never released
    await crashed.close();
    const survivor = open();
    await (
      await survivor.acquire([key])
    )();
    const [lost, next] = await slotsOf(key.key);
    expect(lost!.completed_at).toBeNull();
    // It counted as completed when its lease ended, then for one more window.
    expect(next!.acquired_at.getTime()).toBeGreaterThanOrEqual(lost!.lease_until.getTime() + 200);
  });

  it('forgets slots that can no longer fall in any window of their key', async () => {
    const budget = open();
    const shortLived = { key: `tenant:test-${++run}`, windows: [{ max: 50, windowMs: 100 }] };
    await (
      await budget.acquire([shortLived])
    )();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await (
      await budget.acquire([keyWith(50, 100)])
    )();
    expect(await slotsOf(shortLived.key)).toEqual([]);
  });
});
