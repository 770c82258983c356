import type { ColumnType, Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Aggregates are kept whole in a `doc` jsonb column (encoded by
 * `document-codec.ts`); the columns beside it are the keys we query, join or constrain on. This keeps
 * the domain types the single description of each aggregate, while uniqueness, ordering and lookups
 * stay in SQL where two instances cannot race on them.
 */
export type Document = ColumnType<unknown, string, string>;
type Instant = ColumnType<Date, Date, Date>;

interface DocumentRow {
  id: string;
  doc: Document;
}

export type UnitsTable = DocumentRow;
export type PostsTable = DocumentRow;
export type BodiesTable = DocumentRow;
export interface TeamRulesTable extends DocumentRow {
  fiscal_year: number;
}

export interface StaffTable extends DocumentRow {
  upn_folded: string;
  entra_object_id: string | null;
  post_id: string | null;
}

export interface ProjectTeamsTable extends DocumentRow {
  item_keys: string[];
  sort_order: number;
}

export interface ProgressReportsTable extends DocumentRow {
  pt_id: string;
  reported_at: Instant;
}

export interface PlansTable extends DocumentRow {
  fiscal_year: number;
}

export interface CallsTable extends DocumentRow {
  fiscal_year: number;
}

export interface PracticesTable extends DocumentRow {
  fiscal_year: number;
  number: number;
}

export interface PracticeInterestTable {
  practice_id: string;
  staff_id: string;
  marked_at: Instant;
}

export interface MilestonesTable extends DocumentRow {
  schedule_id: string;
  fiscal_year: number;
  source_order: number;
}

export interface MeetingsTable extends DocumentRow {
  body_id: string;
  fiscal_year: number;
  ordinal: number;
  starts_at: Instant;
}

export interface RsvpsTable {
  meeting_id: string;
  staff_id: string;
  doc: Document;
}

export interface ProposalsTable extends DocumentRow {
  call_id: string;
  author_staff_id: string;
  state: string;
  receipt_number: string | null;
  created_at: Instant;
}

export interface ReceiptSequencesTable {
  call_id: string;
  last_value: number;
}

export interface ReviewNotesTable {
  id: Generated<number>;
  proposal_id: string;
  author_staff_id: string;
  text: string;
  noted_at: Instant;
}

export interface RecruitmentProjectsTable extends DocumentRow {
  status: string;
  opens_at: Instant;
}

export interface ApplicationsTable extends DocumentRow {
  project_id: string;
  staff_id: string;
  applied_at: Instant;
}

export interface TeamSeatsTable {
  project_id: string;
  position: number;
  doc: Document;
}

export interface AuditLogTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: string;
  action: string;
  actor_staff_id: string | null;
  at: Instant;
  before: Document | null;
  after: Document | null;
}

export interface IdempotencyKeysTable {
  key: string;
  claimed_at: Instant;
}

export interface ConversationsTable {
  conversation_id: string;
  kind: string;
  team_id: string | null;
  staff_id: string | null;
  active: boolean;
  doc: Document;
}

export interface SubscriptionsTable {
  conversation_id: string;
  doc: Document;
}

export interface OutboxTable {
  id: string;
  occurrence_key: string;
  series_key: string;
  conversation_id: string;
  kind: string;
  subject_id: string;
  fingerprint: string | null;
  due_at: Instant;
  expires_at: Instant;
  state: string;
  attempts: Generated<number>;
  next_attempt_at: Instant | null;
  claimed_by: string | null;
  claimed_until: Instant | null;
  activity_id: string | null;
  last_error: string | null;
  sent_at: Instant | null;
  payload: Document;
}

export interface CalendarFeedsTable {
  staff_id: string;
  secret_hash: string;
  created_at: Instant;
}

export interface PersonalNoticesTable {
  id: string;
  staff_id: string;
  subject_id: string;
  created_at: Instant;
  read_at: Instant | null;
  doc: Document;
}

export interface PostAbsencesTable {
  id: string;
  post_id: string;
  kind: string;
  starts_at: Instant;
  ends_at: Instant | null;
  note: string | null;
  recorded_by: string;
  recorded_at: Instant;
  ended_at: Instant | null;
  ended_by: string | null;
}

export interface SendBudgetSlotsTable {
  id: Generated<string>;
  budget_key: string;
  acquired_at: Instant;
  completed_at: Instant | null;
  lease_until: Instant;
  forget_at: Instant;
}

export interface MinutesTable {
  meeting_id: string;
  body_id: string;
  status: string;
  doc: Document;
}

export interface ActionItemsTable extends DocumentRow {
  meeting_id: string;
  body_id: string;
  status: string;
  due_on: ColumnType<string, string, string>;
}

export interface Database {
  conversations: ConversationsTable;
  subscriptions: SubscriptionsTable;
  outbox: OutboxTable;
  units: UnitsTable;
  team_rules: TeamRulesTable;
  posts: PostsTable;
  bodies: BodiesTable;
  staff: StaffTable;
  project_teams: ProjectTeamsTable;
  progress_reports: ProgressReportsTable;
  calls: CallsTable;
  practices: PracticesTable;
  practice_interest: PracticeInterestTable;
  milestones: MilestonesTable;
  meetings: MeetingsTable;
  minutes: MinutesTable;
  action_items: ActionItemsTable;
  rsvps: RsvpsTable;
  proposals: ProposalsTable;
  receipt_sequences: ReceiptSequencesTable;
  review_notes: ReviewNotesTable;
  recruitment_projects: RecruitmentProjectsTable;
  applications: ApplicationsTable;
  team_seats: TeamSeatsTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  calendar_feeds: CalendarFeedsTable;
  personal_notices: PersonalNoticesTable;
  plans: PlansTable;
  post_absences: PostAbsencesTable;
  send_budget_slots: SendBudgetSlotsTable;
}
