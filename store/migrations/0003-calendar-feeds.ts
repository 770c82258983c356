import type { Kysely } from 'kysely';
import { executeScript } from './execute-script.js';

/** Per-person iCalendar subscriptions: the hash of each secret feed URL, never the secret. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table calendar_feeds (
      staff_id text primary key references staff (id),
      secret_hash text not null unique,
      created_at timestamptz not null
    );
  `,
  );
}
