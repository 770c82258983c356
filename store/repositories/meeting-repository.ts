import { sql, type Kysely } from 'kysely';
import type { Meeting } from '../../shared/meetings/meeting.js';
import type { Rsvp } from '../../shared/meetings/rsvp.js';
import type { MeetingRepository } from '../../shared/ports/activity-ports.js';
import type { Database } from '../database.js';
import { encodeDocument } from '../document-codec.js';
import { decodeRows } from './document-table.js';

const keyColumns = (meeting: Meeting) => ({
  body_id: meeting.bodyId,
  fiscal_year: meeting.fiscalYear,
  ordinal: meeting.ordinal,
  starts_at: meeting.startsAt,
  doc: encodeDocument(meeting),
});

export function meetingRepository(db: Kysely<Database>): MeetingRepository {
  return {
    async insert(meeting) {
      await db
        .insertInto('meetings')
        .values({ id: meeting.id, ...keyColumns(meeting) })
        .execute();
    },
    async update(meeting) {
      const result = await db.updateTable('meetings').set(keyColumns(meeting)).where('id', '=', meeting.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new Error(`no meeting ${meeting.id}`);
    },
    async get(id) {
      const row = await db.selectFrom('meetings').select('doc').where('id', '=', id).executeTakeFirst();
      return row ? decodeRows<Meeting>([row])[0] : undefined;
    },
    async listUpcoming(from, filter = {}) {
      let query = db.selectFrom('meetings').select('doc').where('starts_at', '>=', from).orderBy('starts_at').orderBy('id');
      if (filter.bodyId !== undefined) query = query.where('body_id', '=', filter.bodyId);
      if (filter.limit !== undefined) query = query.limit(filter.limit);
      return decodeRows<Meeting>(await query.execute());
    },
    async list(filter = {}) {
      let query = db.selectFrom('meetings').select('doc').orderBy('starts_at').orderBy('id');
      if (filter.bodyId !== undefined) query = query.where('body_id', '=', filter.bodyId);
      if (filter.fiscalYear !== undefined) query = query.where('fiscal_year', '=', filter.fiscalYear);
      return decodeRows<Meeting>(await query.execute());
    },
    async nextOrdinal(bodyId, fiscalYear) {
      const row = await db
        .selectFrom('meetings')
        .select(sql<number>`coalesce(max(ordinal), 0)::int + 1`.as('next'))
        .where('body_id', '=', bodyId)
        .where('fiscal_year', '=', fiscalYear)
        .executeTakeFirstOrThrow();
      return Number(row.next);
    },
    async upsertRsvp(rsvp) {
      await db
        .insertInto('rsvps')
        .values({ meeting_id: rsvp.meetingId, staff_id: rsvp.staffId, doc: encodeDocument(rsvp) })
        .onConflict((conflict) => conflict.columns(['meeting_id', 'staff_id']).doUpdateSet({ doc: encodeDocument(rsvp) }))
        .execute();
    },
    async listRsvpsOf(staffId, meetingIds) {
      if (meetingIds.length === 0) return [];
      const rows = await db
        .selectFrom('rsvps')
        .select('doc')
        .where('staff_id', '=', staffId)
        .where('meeting_id', 'in', [...meetingIds])
        .execute();
      return decodeRows<Rsvp>(rows);
    },
    async listRsvps(meetingId) {
      const rows = await db.selectFrom('rsvps').select('doc').where('meeting_id', '=', meetingId).orderBy('staff_id').execute();
      return decodeRows<Rsvp>(rows);
    },
  };
}
