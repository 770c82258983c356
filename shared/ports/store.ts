import type { AuditRepository, IdempotencyRepository, MeetingRepository, ProposalRepository, RecruitmentRepository } from './activity-ports.js';
import type {
  BodyRepository,
  CallRepository,
  MilestoneRepository,
  PostRepository,
  PlanRepository,
  PracticeRepository,
  ProjectTeamRepository,
  StaffRepository,
  UnitRepository,
} from './reference-data-ports.js';
import type { PostAbsenceRepository } from './post-absence-ports.js';
import type { ActionItemRepository, MinutesRepository } from './minutes-ports.js';
import type { CalendarFeedRepository } from './calendar-feed-ports.js';
import type { ConversationRepository, OutboxRepository, PersonalNoticeRepository, SubscriptionRepository } from './notification-ports.js';

/** Every repository, bound either to one transaction or to auto-committing statements. */
export interface Repositories {
  readonly units: UnitRepository;
  readonly posts: PostRepository;
  readonly staff: StaffRepository;
  readonly bodies: BodyRepository;
  readonly projectTeams: ProjectTeamRepository;
  readonly calls: CallRepository;
  readonly practices: PracticeRepository;
  readonly milestones: MilestoneRepository;
  readonly meetings: MeetingRepository;
  readonly proposals: ProposalRepository;
  readonly recruitment: RecruitmentRepository;
  readonly audit: AuditRepository;
  readonly idempotency: IdempotencyRepository;
  readonly conversations: ConversationRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly calendarFeeds: CalendarFeedRepository;
  readonly outbox: OutboxRepository;
  readonly notices: PersonalNoticeRepository;
  readonly plans: PlanRepository;
  readonly postAbsences: PostAbsenceRepository;
  readonly minutes: MinutesRepository;
  readonly actionItems: ActionItemRepository;
}

/**
 * The persistence port. Multi-row changes go through `transaction`; the callback must not await
 * network calls (Teams, HTTP), because the embedded database runs one transaction at a time.
 */
export interface Store {
  readonly repositories: Repositories;
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** True when the database answers and every migration is applied. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
