import { sql, type Kysely } from 'kysely';
import type { ActionItem } from '../../shared/minutes/action-item.js';
import type { Minutes } from '../../shared/minutes/minutes.js';
import type { ActionItemRepository, MinutesRepository } from '../../shared/ports/minutes-ports.js';
import type { Database } from '../database.js';
import { decodeDocument, encodeDocument } from '../document-codec.js';

export function minutesRepository(db: Kysely<Database>): MinutesRepository {
  return {
    async get(meetingId) {
      const row = await db.selectFrom('minutes').select('doc').where('meeting_id', '=', meetingId).executeTakeFirst();
      return row ? decodeDocument<Minutes>(row.doc) : undefined;
    },
    async save(minutes) {
      const columns = { body_id: minutes.bodyId, status: minutes.status, doc: encodeDocument(minutes) };
      await db
        .insertInto('minutes')
        .values({ meeting_id: minutes.meetingId, ...columns })
        .onConflict((conflict) => conflict.column('meeting_id').doUpdateSet(columns))
        .execute();
    },
    async list(filter = {}) {
      let query = db.selectFrom('minutes').select('doc').orderBy('meeting_id');
      if (filter.bodyIds) {
        if (filter.bodyIds.length === 0) return [];
        query = query.where('body_id', 'in', [...filter.bodyIds]);
      }
      if (filter.status) query = query.where('status', '=', filter.status);
      return (await query.execute()).map((row) => decodeDocument<Minutes>(row.doc));
    },
  };
}

const itemColumns = (item: ActionItem) => ({
  meeting_id: item.meetingId,
  body_id: item.bodyId,
  status: item.status,
  due_on: item.dueOn,
  doc: encodeDocument(item),
});

export function actionItemRepository(db: Kysely<Database>): ActionItemRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('action_items').select('doc').where('id', '=', id).executeTakeFirst();
      return row ? decodeDocument<ActionItem>(row.doc) : undefined;
    },
    async insertNew(items) {
      if (items.length === 0) return 0;
      const result = await db
        .insertInto('action_items')
        .values(items.map((item) => ({ id: item.id, ...itemColumns(item) })))
        .onConflict((conflict) => conflict.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n);
    },
    async update(item) {
      const result = await db.updateTable('action_items').set(itemColumns(item)).where('id', '=', item.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new Error(`no action item ${item.id}`);
    },
    async list(filter = {}) {
      let query = db
        .selectFrom('action_items')
        .select('doc')
        .orderBy('due_on')
        .orderBy(sql`id`);
      if (filter.meetingId) query = query.where('meeting_id', '=', filter.meetingId);
      if (filter.bodyId) query = query.where('body_id', '=', filter.bodyId);
      if (filter.status) query = query.where('status', '=', filter.status);
      return (await query.execute()).map((row) => decodeDocument<ActionItem>(row.doc));
    },
  };
}
