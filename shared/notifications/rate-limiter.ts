/** At most `max` requests in any `windowMs`. */
export interface RateWindow {
  readonly max: number;
  readonly windowMs: number;
}

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

export interface LimitedKey {
  readonly key: string;
  readonly windows: readonly RateWindow[];
}

/**
 * Sliding-window limiter. The sender asks it before every request, so it never provokes a 429
 * rather than recovering from one. Windows are padded by `marginMs` because Teams measures them
 * on its own clock, after the request has crossed the network.
 */
export class SlidingWindowLimiter {
  private readonly history = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly marginMs = 30,
  ) {}

  /** Waits until a request under every given key is allowed, then counts it. */
  async acquire(keys: readonly LimitedKey[]): Promise<void> {
    for (;;) {
      const wait = this.waitFor(keys);
      if (wait <= 0) {
        const at = this.now();
        for (const { key } of keys) this.timestamps(key).push(at);
        return;
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
        if (inWindow.length >= window.max) wait = Math.max(wait, inWindow[inWindow.length - window.max]! + span - now);
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
