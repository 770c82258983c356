/** At most `max` requests in any `windowMs`. */
export interface RateWindow {
  readonly max: number;
  readonly windowMs: number;
}

/** A name requests are counted under (a conversation, a tenant) and the windows that hold for it. */
export interface LimitedKey {
  readonly key: string;
  readonly windows: readonly RateWindow[];
}

/**
 * Called when the request has been answered; until then it counts as sent "now". It never
 * rejects: a budget that cannot record the completion lets the slot lapse instead.
 */
export type ReleaseSlot = () => void | Promise<void>;

/**
 * Where the sender asks before every request to Teams, so it keeps within the published limits
 * rather than recovering from 429s. One process needs only its own count
 * (`SlidingWindowLimiter`); instances sharing a tenant must share the count too.
 */
export interface SendBudget {
  /** Waits until a request under every given key is allowed and counts it; call the result when answered. */
  acquire(keys: readonly LimitedKey[]): Promise<ReleaseSlot>;
}
