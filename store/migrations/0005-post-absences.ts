import type { Kysely } from 'kysely';
import { executeScript } from './execute-script.js';

/**
 * Absences (事故) and vacancies (欠けた) of posts, with their period: while the 本部長's post is
 * absent or vacant, the 1st-rank 副区長 acts for the chair (要綱 art. 3(3)(4)).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table post_absences (
      id text primary key,
      post_id text not null,
      kind text not null check (kind in ('absent', 'vacant')),
      starts_at timestamptz not null,
      ends_at timestamptz,
      note text,
      recorded_by text not null references staff (id),
      recorded_at timestamptz not null,
      ended_at timestamptz,
      ended_by text references staff (id)
    );
    create index post_absences_post on post_absences (post_id, starts_at);
  `,
  );
}
