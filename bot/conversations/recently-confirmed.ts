/**
 * Remembers, for a short while, conversation references this process has just checked against
 * the database, so a busy chat does not read its reference on every message. Bounded in size;
 * the oldest entries go first.
 */
export class RecentlyConfirmed {
  private readonly confirmedAt = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  has(key: string): boolean {
    const at = this.confirmedAt.get(key);
    if (at === undefined) return false;
    if (this.now() - at < this.ttlMs) return true;
    this.confirmedAt.delete(key);
    return false;
  }

  add(key: string): void {
    this.confirmedAt.delete(key);
    this.confirmedAt.set(key, this.now());
    if (this.confirmedAt.size > this.maxEntries) this.confirmedAt.delete(this.confirmedAt.keys().next().value!);
  }
}
