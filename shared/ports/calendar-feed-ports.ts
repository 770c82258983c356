/**
 * A person's calendar subscription. Only a hash of the secret in the feed URL is kept, so a copy
 * of the database does not reveal working URLs; rotating replaces the hash and the old URL dies.
 */
export interface CalendarFeed {
  readonly staffId: string;
  readonly secretHash: string;
  readonly createdAt: Date;
}

export interface CalendarFeedRepository {
  get(staffId: string): Promise<CalendarFeed | undefined>;
  findBySecretHash(secretHash: string): Promise<CalendarFeed | undefined>;
  /** Creates or replaces the person's feed. */
  save(feed: CalendarFeed): Promise<void>;
}
