import type { LimitedKey, RateWindow, ReleaseSlot, SendBudget } from '../ports/send-budget.js';

export type { LimitedKey, RateWindow, ReleaseSlot } from '../ports/send-budget.js';

/**
 * Teams' published limits for a bot sending messages: per conversation 7 per second, 8 per 2 s,
 * 60 per 30 s and 1,800 per hour; per tenant 50 requests per second.
 */
export const TEAMS_SEND_LIMITS = {
  perConversation: [
    { max: 7, windowMs: 1_000 },
    { max: 8, windowMs: 2_000 },
    { max: 60, windowMs: 30_000 },
    { max: 1_800, windowMs: 3_600_000 },
  ],
  perTenant: [{ max: 50, windowMs: 1_000 }],
} as const satisfies Record<string, readonly RateWindow[]>;

/**
 * Sliding-window limiter. The sender asks it before every request, so it never provokes a 429
 * rather than recovering from one. Teams counts a request when it arrives, which may be later than
 * when it was allowed here (a slow network, a busy event loop). So a request counts as "now" while
 * it is in flight and from its completion afterwards: every request Teams could still count is
 * counted here too. `marginMs` pads the windows for the difference between the two clocks.
 * It counts for this process only: the budget of a single instance (PGlite).
 */
export class SlidingWindowLimiter implements SendBudget {
  /** Per key, the instants requests completed; `Infinity` while one is in flight. */
  private readonly history = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly marginMs = 20,
    /** How often to look again when the window is full of requests still in flight. */
    private readonly pollMs = 5,
  ) {}

  /** Waits until a request under every given key is allowed and counts it; call the result when answered. */
  async acquire(keys: readonly LimitedKey[]): Promise<ReleaseSlot> {
    for (;;) {
      const wait = this.waitFor(keys);
      if (wait <= 0) {
        const slots = keys.map(({ key }) => {
          const times = this.timestamps(key);
          times.push(Infinity);
          return times;
        });
        let released = false;
        return () => {
          if (released) return;
          released = true;
          const at = this.now();
          for (const times of slots) {
            const index = times.indexOf(Infinity);
            if (index >= 0) times.splice(index, 1);
            times.push(at);
            times.sort((a, b) => a - b);
          }
        };
      }
      await this.sleep(wait);
    }
  }

  /** Milliseconds until the next request under all keys may go. */
  waitFor(keys: readonly LimitedKey[]): number {
    const now = this.now();
    let wait = 0;
    for (const { key, windows } of keys) {
      const times = this.timestamps(key);
      const longest = Math.max(...windows.map((window) => window.windowMs)) + this.marginMs;
      while (times.length && times[0]! <= now - longest) times.shift();
      for (const window of windows) {
        const span = window.windowMs + this.marginMs;
        const inWindow = times.filter((time) => time > now - span);
        if (inWindow.length < window.max) continue;
        const leaving = inWindow[inWindow.length - window.max]!;
        wait = Math.max(wait, Number.isFinite(leaving) ? leaving + span - now : this.pollMs);
      }
    }
    return wait;
  }

  private timestamps(key: string): number[] {
    let times = this.history.get(key);
    if (!times) this.history.set(key, (times = []));
    return times;
  }
}
