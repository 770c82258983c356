import type { Kysely } from 'kysely';
import { executeScript } from './execute-script.js';

/** Reference data (the programme, the directory) and what people do with it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table units (id text primary key, doc jsonb not null);
    create table posts (id text primary key, doc jsonb not null);
    create table bodies (id text primary key, doc jsonb not null);

    create table staff (
      id text primary key,
      upn_folded text not null unique,
      entra_object_id text unique,
      post_id text,
      doc jsonb not null
    );
    create index staff_post on staff (post_id);

    create table project_teams (
      id text primary key,
      item_keys text[] not null,
      sort_order integer not null,
      doc jsonb not null
    );
    create index project_teams_items on project_teams using gin (item_keys);

    create table progress_reports (
      id text primary key,
      pt_id text not null references project_teams (id),
      reported_at timestamptz not null,
      doc jsonb not null
    );
    create index progress_reports_pt on progress_reports (pt_id, reported_at);

    create table calls (id text primary key, fiscal_year integer not null, doc jsonb not null);

    create table practices (
      id text primary key,
      fiscal_year integer not null,
      number integer not null,
      doc jsonb not null
    );
    create table practice_interest (
      practice_id text not null references practices (id),
      staff_id text not null references staff (id),
      marked_at timestamptz not null,
      primary key (practice_id, staff_id)
    );

    create table milestones (
      id text primary key,
      schedule_id text not null,
      fiscal_year integer not null,
      source_order integer not null,
      doc jsonb not null
    );

    create table meetings (
      id text primary key,
      body_id text not null references bodies (id),
      fiscal_year integer not null,
      ordinal integer not null,
      starts_at timestamptz not null,
      doc jsonb not null,
      unique (body_id, fiscal_year, ordinal)
    );
    create index meetings_starts on meetings (starts_at);

    create table rsvps (
      meeting_id text not null references meetings (id),
      staff_id text not null references staff (id),
      doc jsonb not null,
      primary key (meeting_id, staff_id)
    );

    create table proposals (
      id text primary key,
      call_id text not null references calls (id),
      author_staff_id text not null references staff (id),
      state text not null,
      receipt_number text unique,
      created_at timestamptz not null,
      doc jsonb not null
    );
    create index proposals_call_state on proposals (call_id, state);
    create index proposals_author on proposals (author_staff_id);

    create table receipt_sequences (call_id text primary key, last_value integer not null);

    create table review_notes (
      id serial primary key,
      proposal_id text not null references proposals (id),
      author_staff_id text not null references staff (id),
      text text not null,
      noted_at timestamptz not null
    );

    create table recruitment_projects (
      id text primary key,
      status text not null,
      opens_at timestamptz not null,
      doc jsonb not null
    );
    create table applications (
      id text primary key,
      project_id text not null references recruitment_projects (id),
      staff_id text not null references staff (id),
      applied_at timestamptz not null,
      doc jsonb not null,
      unique (project_id, staff_id)
    );
    create table team_seats (
      project_id text not null references recruitment_projects (id),
      position integer not null,
      doc jsonb not null,
      primary key (project_id, position)
    );

    create table audit_log (
      id bigserial primary key,
      entity_type text not null,
      entity_id text not null,
      action text not null,
      actor_staff_id text,
      at timestamptz not null,
      before jsonb,
      after jsonb
    );
    create index audit_log_entity on audit_log (entity_type, entity_id, id);

    create table idempotency_keys (key text primary key, claimed_at timestamptz not null);
  `,
  );
}
