import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, TEAMS_SEND_LIMITS, type LimitedKey } from '../../../shared/notifications/rate-limiter.js';

/** A limiter on a fake clock: sleeping moves time on, so a test of the hourly window takes no time. */
function fakeLimiter(marginMs = 0) {
  let now = 0;
  const limiter = new SlidingWindowLimiter(
    () => now,
    async (ms) => void (now += ms),
    marginMs,
  );
  const sendTimes = async (count: number, keys: readonly LimitedKey[] = [{ key: 'conversation:a', windows: TEAMS_SEND_LIMITS.perConversation }]) => {
    const times: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const release = await limiter.acquire(keys);
      times.push(now);
      await release();
    }
    return times;
  };
  return { sendTimes, now: () => now };
}

/** The most requests inside any window of `windowMs`. */
function busiest(times: readonly number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));
}

describe('the sender’s own limiter keeps within Teams’ published limits', () => {
  it('sends at most 7 per second and 8 per 2 s to one conversation', async () => {
    const times = await fakeLimiter().sendTimes(40);
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
    expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
    expect(times.slice(0, 7).every((time) => time === 0)).toBe(true);
  });

  it('sends at most 60 per 30 s and 1,800 per hour to one conversation', async () => {
    const limiter = fakeLimiter();
    const times = await limiter.sendTimes(1_900);
    expect(busiest(times, 30_000)).toBeLessThanOrEqual(60);
    expect(busiest(times, 3_600_000)).toBeLessThanOrEqual(1_800);
    expect(times[1_800]).toBeGreaterThanOrEqual(3_600_000);
  });

  it('sends at most 50 per second to one tenant across its conversations, and no slower than that', async () => {
    const limiter = fakeLimiter();
    let conversation = 0;
    const times: number[] = [];
    for (let index = 0; index < 500; index += 1) {
      const [time] = await limiter.sendTimes(1, [
        { key: `conversation:${conversation++}`, windows: TEAMS_SEND_LIMITS.perConversation },
        { key: 'tenant:t', windows: TEAMS_SEND_LIMITS.perTenant },
      ]);
      times.push(time!);
    }
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(50);
    // 500 messages at 50 per second: the last goes out at 9 s, the least the limit allows.
    expect(times.at(-1)).toBe(9_000);
  });

  it('pads each window by the margin, for the clock difference between the bot and Teams', async () => {
    const times = await fakeLimiter(30).sendTimes(8);
    expect(times[7]).toBe(1_030);
  });

  it('counts a request still in flight as sent now, so a slow answer cannot let a burst through', async () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(
      () => now,
      async (ms) => void (now += ms),
      0,
      5,
    );
    const keys = [{ key: 'tenant:t', windows: TEAMS_SEND_LIMITS.perTenant }];
    const inFlight = await Promise.all(Array.from({ length: 50 }, () => limiter.acquire(keys)));
    now = 5_000; // the answers are slow: five seconds later none has come back
    let allowed = false;
    const next = limiter.acquire(keys).then(() => (allowed = true));
    await Promise.resolve();
    expect(allowed).toBe(false);
    await inFlight[0]!(); // one answer arrives at 5 s; it counts until 6 s
    await next;
    expect(now).toBeGreaterThanOrEqual(6_000);
  });
});
