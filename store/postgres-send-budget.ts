import pg from 'pg';
import type { LimitedKey, ReleaseSlot, SendBudget } from '../shared/ports/send-budget.js';

export interface PostgresSendBudgetOptions {
  /** The PostgreSQL server every instance uses (`DATABASE_URL`), migrated to `0008-send-budget`. */
  readonly databaseUrl: string;
  /** Pads each window for the clock difference between the database and Teams. */
  readonly marginMs?: number;
  /** How often to look again while a window is full of requests still in flight. */
  readonly pollMs?: number;
  /**
   * How long an unreleased slot counts as in flight. Longer than any request may take (the
   * sender gives up after 15 s), short enough that a crashed instance's slots lapse soon.
   */
  readonly leaseMs?: number;
  readonly poolSize?: number;
  /** Told when a completion could not be recorded; that slot then counts until its lease ends. */
  readonly onReleaseError?: (error: unknown) => void;
}

export interface PostgresSendBudget extends SendBudget {
  close(): Promise<void>;
}

type Answer = { readonly granted: true; readonly slotIds: readonly string[] } | { readonly granted: false; readonly key: string; readonly until: number };

interface AcquireRow {
  slot_ids: string[] | null;
  wait_ms: number;
  blocked_by: number | null;
}

/**
 * Teams' limits counted in PostgreSQL, so instances sharing a tenant share its 50 requests/s and
 * a conversation's windows. Every attempt is one call of `send_budget_acquire` (migration 0008),
 * which locks the keys and counts by the database's clock: instances' clock skew does not matter,
 * and two instances never both take a window's last place. As in `SlidingWindowLimiter`, a slot
 * counts as "now" while in flight and from its completion afterwards.
 *
 * Within this process, acquirers told to wait for a key queue for it, so only the first of them
 * asks again when a place frees: the database sees a few attempts per send, not one per waiter.
 */
export function createPostgresSendBudget(options: PostgresSendBudgetOptions): PostgresSendBudget {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 4 });
  // A connection the server drops must not take the process down; the next query opens another.
  pool.on('error', () => undefined);
  const marginMs = options.marginMs ?? 20;
  const pollMs = options.pollMs ?? 10;
  const leaseMs = options.leaseMs ?? 30_000;
  /** Per key, the end of this process's queue of acquirers waiting for it. */
  const queues = new Map<string, Promise<void>>();
  let closed: Promise<void> | undefined;

  const ask = async (keys: readonly LimitedKey[]): Promise<Answer> => {
    const windows = keys.flatMap(({ windows: list }, index) => list.map((window) => ({ key: index + 1, max: window.max, spanMs: window.windowMs + marginMs })));
    const { rows } = await pool.query<AcquireRow>(
      'select slot_ids, wait_ms, blocked_by from send_budget_acquire($1::text[], $2::integer[], $3::integer[], $4::float8[], $5, $6)',
      [
        keys.map(({ key }) => key),
        windows.map((window) => window.key),
        windows.map((window) => window.max),
        windows.map((window) => window.spanMs),
        leaseMs,
        pollMs,
      ],
    );
    const row = rows[0]!;
    if (row.slot_ids) return { granted: true, slotIds: row.slot_ids };
    return { granted: false, key: keys[row.blocked_by! - 1]!.key, until: performance.now() + row.wait_ms };
  };

  /** Runs `work` once everyone ahead in `key`'s queue has had their turn. */
  const inTurn = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const ahead = queues.get(key) ?? Promise.resolve();
    let leave!: () => void;
    const tail = ahead.then(() => new Promise<void>((resolve) => (leave = resolve)));
    queues.set(key, tail);
    try {
      await ahead;
      return await work();
    } finally {
      leave();
      if (queues.get(key) === tail) queues.delete(key);
    }
  };

  /** Waits for its turn at `key`, then asks until the answer is a slot or a wait for another key. */
  const waitFor = (keys: readonly LimitedKey[], blocked: Answer & { granted: false }): Promise<Answer> =>
    inTurn(blocked.key, async () => {
      let answer: Answer = blocked;
      while (!answer.granted && answer.key === blocked.key) {
        await sleep(answer.until - performance.now());
        answer = await ask(keys);
      }
      return answer;
    });

  const release = (slotIds: readonly string[]): ReleaseSlot => {
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      try {
        // `forget_at - lease_until` is the key's longest window, counted from completion now.
        await pool.query(
          'update send_budget_slots set completed_at = clock_timestamp(), forget_at = clock_timestamp() + (forget_at - lease_until) where id = any($1::bigint[])',
          [slotIds],
        );
      } catch (error) {
        options.onReleaseError?.(error);
      }
    };
  };

  return {
    async acquire(keys) {
      const queued = keys.find(({ key }) => queues.has(key));
      let answer: Answer = queued ? { granted: false, key: queued.key, until: 0 } : await ask(keys);
      while (!answer.granted) answer = await waitFor(keys, answer);
      return release(answer.slotIds);
    },
    close: () => (closed ??= pool.end()),
  };
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
