import { sql, type Kysely } from 'kysely';

/**
 * Runs a DDL script one statement at a time: PGlite's extended-protocol `query` takes a single
 * statement, and running them separately also names the failing one in the error.
 */
export async function executeScript(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
  for (const statement of statements) await sql.raw(statement).execute(db);
}
