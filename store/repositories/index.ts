import type { Kysely } from 'kysely';
import type { Repositories } from '../../shared/ports/store.js';
import type { Database } from '../database.js';
import { auditRepository, idempotencyRepository } from './audit-and-idempotency.js';
import { calendarFeedRepository } from './calendar-feed-repository.js';
import { conversationRepository, subscriptionRepository } from './conversation-repositories.js';
import { outboxRepository } from './outbox-repository.js';
import { postAbsenceRepository } from './post-absence-repository.js';
import { personalNoticeRepository } from './personal-notice-repository.js';
import { meetingRepository } from './meeting-repository.js';
import { actionItemRepository, minutesRepository } from './minutes-repository.js';
import { proposalRepository } from './proposal-repository.js';
import { recruitmentRepository } from './recruitment-repository.js';
import {
  bodyRepository,
  callRepository,
  milestoneRepository,
  planRepository,
  postRepository,
  practiceRepository,
  projectTeamRepository,
  unitRepository,
} from './reference-repositories.js';
import { staffRepository } from './staff-repository.js';

/** Binds every repository to `db`: the pool for auto-committing statements, or one transaction. */
export function bindRepositories(db: Kysely<Database>): Repositories {
  return {
    units: unitRepository(db),
    posts: postRepository(db),
    staff: staffRepository(db),
    bodies: bodyRepository(db),
    projectTeams: projectTeamRepository(db),
    calls: callRepository(db),
    practices: practiceRepository(db),
    milestones: milestoneRepository(db),
    meetings: meetingRepository(db),
    proposals: proposalRepository(db),
    recruitment: recruitmentRepository(db),
    audit: auditRepository(db),
    idempotency: idempotencyRepository(db),
    conversations: conversationRepository(db),
    subscriptions: subscriptionRepository(db),
    calendarFeeds: calendarFeedRepository(db),
    outbox: outboxRepository(db),
    notices: personalNoticeRepository(db),
    plans: planRepository(db),
    postAbsences: postAbsenceRepository(db),
    minutes: minutesRepository(db),
    actionItems: actionItemRepository(db),
  };
}
