import type { Kysely } from 'kysely';
import { executeScript } from './execute-script.js';

/**
 * Where the bot can post (conversation references), what each conversation wants, and the outbox
 * of planned notifications with its delivery state.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table conversations (
      conversation_id text primary key,
      kind text not null,
      team_id text,
      staff_id text,
      active boolean not null,
      doc jsonb not null
    );
    create index conversations_team on conversations (team_id);
    create index conversations_staff on conversations (staff_id) where kind = 'personal';

    create table subscriptions (
      conversation_id text primary key references conversations (conversation_id),
      doc jsonb not null
    );

    create table outbox (
      id text primary key,
      occurrence_key text not null,
      series_key text not null,
      conversation_id text not null references conversations (conversation_id),
      kind text not null,
      subject_id text not null,
      fingerprint text,
      due_at timestamptz not null,
      expires_at timestamptz not null,
      state text not null,
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      claimed_by text,
      claimed_until timestamptz,
      activity_id text,
      last_error text,
      sent_at timestamptz,
      payload jsonb not null,
      unique (occurrence_key, conversation_id)
    );
    create index outbox_due on outbox (state, due_at);
    create index outbox_subject on outbox (subject_id, state);
  `,
  );
}
