import type { Kysely, Selectable } from 'kysely';
import type { PostAbsence, PostAbsenceKind } from '../../shared/bodies/post-absence.js';
import type { PostAbsenceRepository } from '../../shared/ports/post-absence-ports.js';
import type { Database, PostAbsencesTable } from '../database.js';

const toAbsence = (row: Selectable<PostAbsencesTable>): PostAbsence => ({
  id: row.id,
  postId: row.post_id,
  kind: row.kind as PostAbsenceKind,
  from: new Date(row.starts_at),
  until: row.ends_at ? new Date(row.ends_at) : undefined,
  note: row.note ?? undefined,
  recordedByStaffId: row.recorded_by,
  recordedAt: new Date(row.recorded_at),
  endedAt: row.ended_at ? new Date(row.ended_at) : undefined,
  endedByStaffId: row.ended_by ?? undefined,
});

const toRow = (absence: PostAbsence) => ({
  id: absence.id,
  post_id: absence.postId,
  kind: absence.kind,
  starts_at: absence.from,
  ends_at: absence.until ?? null,
  note: absence.note ?? null,
  recorded_by: absence.recordedByStaffId,
  recorded_at: absence.recordedAt,
  ended_at: absence.endedAt ?? null,
  ended_by: absence.endedByStaffId ?? null,
});

export function postAbsenceRepository(db: Kysely<Database>): PostAbsenceRepository {
  return {
    async insert(absence) {
      await db.insertInto('post_absences').values(toRow(absence)).execute();
    },
    async update(absence) {
      const { id, ...columns } = toRow(absence);
      const result = await db.updateTable('post_absences').set(columns).where('id', '=', id).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new Error(`no post absence ${id}`);
    },
    async get(id) {
      const row = await db.selectFrom('post_absences').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAbsence(row) : undefined;
    },
    async list() {
      return (await db.selectFrom('post_absences').selectAll().orderBy('starts_at', 'desc').orderBy('id').execute()).map(toAbsence);
    },
  };
}
