import type { Kysely } from 'kysely';
import { executeScript } from './execute-script.js';

/**
 * The proposal-based PT team rules as the programme states them, one row per fiscal year. The
 * secretariat's recorded reasons (a confirmed team outside 「程度」, a seat given as an exception)
 * live in the recruitment project's and the seat's documents, so they need no table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table team_rules (id text primary key, fiscal_year integer not null unique, doc jsonb not null);
  `,
  );
}
