import type { Kysely } from 'kysely';
import { executeScript } from './execute-script.js';

/**
 * The plan record a programme file states (name, period, the guideline's commencement, the
 * proposal-based PT perspectives). Bodies' 所掌事項 and PTs' topic leads live in their own
 * documents, so they need no column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table plans (
      id text primary key,
      fiscal_year integer not null,
      doc jsonb not null
    );
    create index plans_fiscal_year on plans (fiscal_year);
  `,
  );
}
