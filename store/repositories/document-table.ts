import { sql, type Kysely } from 'kysely';
import type { UpsertOutcome } from '../../shared/ports/reference-data-ports.js';
import type { Database } from '../database.js';
import { canonicalForm, decodeDocument, encodeDocument } from '../document-codec.js';

/** Tables whose rows are an `id`, an aggregate in `doc`, and key columns derived from it. */
export type DocumentTableName =
  'units' | 'team_rules' | 'posts' | 'bodies' | 'staff' | 'project_teams' | 'calls' | 'practices' | 'milestones' | 'recruitment_projects' | 'plans';

/**
 * Inserts or replaces an aggregate by id and says which it was. Comparing the canonical forms
 * first means a re-import of unchanged data writes nothing, so it leaves no audit trail either.
 * `insert … on conflict do nothing` settles a race between two instances inserting the same id.
 */
export async function upsertDocument(
  db: Kysely<Database>,
  table: DocumentTableName,
  value: { readonly id: string },
  keyColumns: Record<string, unknown> = {},
): Promise<UpsertOutcome> {
  const current = await findDocument<unknown>(db, table, value.id);
  const columns = { ...keyColumns, doc: encodeDocument(value) };
  if (current === undefined) {
    const inserted = await db
      .insertInto(table)
      .values({ id: value.id, ...columns })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return 'created';
  } else if (canonicalForm(current) === canonicalForm(value)) {
    return 'unchanged';
  }
  await db
    .updateTable(table)
    .set(columns as never)
    .where('id', '=', value.id)
    .execute();
  return 'updated';
}

export async function findDocument<T>(db: Kysely<Database>, table: DocumentTableName, id: string): Promise<T | undefined> {
  const row = await db.selectFrom(table).select('doc').where('id', '=', id).executeTakeFirst();
  return row ? decodeDocument<T>(row.doc) : undefined;
}

/** Decodes the `doc` column of each row, keeping the rows' order. */
export function decodeRows<T>(rows: readonly { doc: unknown }[]): T[] {
  return rows.map((row) => decodeDocument<T>(row.doc));
}

/** Lists a table's aggregates ordered by an expression, for the small reference tables. */
export async function listDocuments<T>(db: Kysely<Database>, table: DocumentTableName, orderBy = sql`id`): Promise<T[]> {
  const rows = await db.selectFrom(table).select('doc').orderBy(orderBy).execute();
  return decodeRows<T>(rows);
}
