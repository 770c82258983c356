import type { Kysely } from 'kysely';
import { noticeSubjectId, type PersonalNotice } from '../../shared/notifications/personal-notice.js';
import type { PersonalNoticeRepository } from '../../shared/ports/notification-ports.js';
import type { Database } from '../database.js';
import { encodeDocument } from '../document-codec.js';
import { decodeRows } from './document-table.js';

/** The read time lives in its own column (a notice is never rewritten), merged back on the way out. */
const toNotices = (rows: readonly { doc: unknown; read_at: Date | null }[]): PersonalNotice[] =>
  decodeRows<PersonalNotice>(rows).map((notice, index) => ({ ...notice, readAt: rows[index]!.read_at ?? undefined }));

export function personalNoticeRepository(db: Kysely<Database>): PersonalNoticeRepository {
  const select = () => db.selectFrom('personal_notices').select(['doc', 'read_at']);
  return {
    async insert(notice) {
      await db
        .insertInto('personal_notices')
        .values({
          id: notice.id,
          staff_id: notice.staffId,
          subject_id: noticeSubjectId(notice.subject),
          created_at: notice.createdAt,
          read_at: null,
          doc: encodeDocument({ ...notice, readAt: undefined }),
        })
        .execute();
    },
    async get(id) {
      return toNotices(await select().where('id', '=', id).execute())[0];
    },
    async listForStaff(staffId, since, limit) {
      return toNotices(
        await select().where('staff_id', '=', staffId).where('created_at', '>=', since).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute(),
      );
    },
    async listForSubject(subjectId) {
      return toNotices(await select().where('subject_id', '=', subjectId).orderBy('created_at').orderBy('id').execute());
    },
    async listUnread(since, limit) {
      return toNotices(await select().where('read_at', 'is', null).where('created_at', '>=', since).orderBy('created_at').orderBy('id').limit(limit).execute());
    },
    async markRead(id, staffId, at) {
      const result = await db
        .updateTable('personal_notices')
        .set({ read_at: at })
        .where('id', '=', id)
        .where('staff_id', '=', staffId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return true;
      // Already read is still "yours": only someone else's (or a missing) notice is refused.
      const row = await db.selectFrom('personal_notices').select('id').where('id', '=', id).where('staff_id', '=', staffId).executeTakeFirst();
      return row !== undefined;
    },
  };
}
