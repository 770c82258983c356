import type { Kysely } from 'kysely';
import type { CalendarFeed, CalendarFeedRepository } from '../../shared/ports/calendar-feed-ports.js';
import type { Database } from '../database.js';

const toFeed = (row: { staff_id: string; secret_hash: string; created_at: Date }): CalendarFeed => ({
  staffId: row.staff_id,
  secretHash: row.secret_hash,
  createdAt: row.created_at,
});

export function calendarFeedRepository(db: Kysely<Database>): CalendarFeedRepository {
  return {
    async get(staffId) {
      const row = await db.selectFrom('calendar_feeds').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
      return row ? toFeed(row) : undefined;
    },
    async findBySecretHash(secretHash) {
      const row = await db.selectFrom('calendar_feeds').selectAll().where('secret_hash', '=', secretHash).executeTakeFirst();
      return row ? toFeed(row) : undefined;
    },
    async save(feed) {
      await db
        .insertInto('calendar_feeds')
        .values({ staff_id: feed.staffId, secret_hash: feed.secretHash, created_at: feed.createdAt })
        .onConflict((conflict) => conflict.column('staff_id').doUpdateSet({ secret_hash: feed.secretHash, created_at: feed.createdAt }))
        .execute();
    },
  };
}
