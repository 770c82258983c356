import type { Kysely } from 'kysely';
import { executeScript } from './execute-script.js';

/** What the app promised to tell each person (decisions, application outcomes, changed meetings). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table personal_notices (
      id text primary key,
      staff_id text not null references staff (id),
      subject_id text not null,
      created_at timestamptz not null,
      read_at timestamptz,
      doc jsonb not null
    );
    create index personal_notices_staff on personal_notices (staff_id, created_at desc);
    create index personal_notices_subject on personal_notices (subject_id);
    create index personal_notices_unread on personal_notices (created_at) where read_at is null;
  `,
  );
}
