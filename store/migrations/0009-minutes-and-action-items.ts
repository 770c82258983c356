import type { Kysely } from 'kysely';
import { executeScript } from './execute-script.js';

/**
 * Minutes of meetings (議事録: attendance, summaries, decisions), one per meeting, and the action
 * items (宿題・対応事項) their confirmed decisions create.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table minutes (
      meeting_id text primary key references meetings (id),
      body_id text not null,
      status text not null check (status in ('draft', 'confirmed')),
      doc jsonb not null
    );
    create index minutes_body on minutes (body_id, status);
    create table action_items (
      id text primary key,
      meeting_id text not null references meetings (id),
      body_id text not null,
      status text not null check (status in ('open', 'done')),
      due_on date not null,
      doc jsonb not null
    );
    create index action_items_status_due on action_items (status, due_on);
    create index action_items_meeting on action_items (meeting_id);
  `,
  );
}
