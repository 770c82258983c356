/** The fields the catch-up rule needs from any planned reminder. */
export interface Scheduled {
  readonly key: string;
  readonly seriesKey: string;
  readonly dueAt: Date;
  readonly expiresAt: Date;
}

/**
 * Splits the reminders that are due at `now` into those to send and those to skip. Within a
 * series only the latest due one is still relevant — after downtime nobody wants "7 days left"
 * when one day is left — and anything past its expiry (a deadline that has passed) is skipped.
 * Reminders not yet due are in neither list.
 */
export function selectDue<T extends Scheduled>(pending: readonly T[], now: Date): { send: T[]; skip: T[] } {
  const due = pending.filter((item) => item.dueAt <= now);
  const latestBySeries = new Map<string, T>();
  for (const item of due) {
    if (item.expiresAt <= now) continue;
    const current = latestBySeries.get(item.seriesKey);
    if (!current || item.dueAt > current.dueAt) latestBySeries.set(item.seriesKey, item);
  }
  const send = [...latestBySeries.values()];
  const sendKeys = new Set(send.map((item) => item.key));
  return { send, skip: due.filter((item) => !sendKeys.has(item.key)) };
}
