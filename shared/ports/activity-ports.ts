import type { AuditEntry } from '../audit/audit-entry.js';
import type { Meeting } from '../meetings/meeting.js';
import type { Rsvp } from '../meetings/rsvp.js';
import type { Proposal, ProposalState } from '../proposals/proposal.js';
import type { Application, RecruitmentProject } from '../recruitment/recruitment.js';
import type { TeamRules, TeamSeat } from '../recruitment/team-composition.js';
import type { UpsertOutcome } from './reference-data-ports.js';

export interface MeetingRepository {
  insert(meeting: Meeting): Promise<void>;
  update(meeting: Meeting): Promise<void>;
  get(id: string): Promise<Meeting | undefined>;
  /** Meetings starting at or after `from`, soonest first. */
  listUpcoming(from: Date, filter?: { bodyId?: string; limit?: number }): Promise<Meeting[]>;
  list(filter?: { bodyId?: string; fiscalYear?: number }): Promise<Meeting[]>;
  /** The next free 第N回 ordinal for a body in a fiscal year. */
  nextOrdinal(bodyId: string, fiscalYear: number): Promise<number>;
  upsertRsvp(rsvp: Rsvp): Promise<void>;
  listRsvps(meetingId: string): Promise<Rsvp[]>;
  /** One person's answers to several meetings, in one query (a meeting list shows "your RSVP"). */
  listRsvpsOf(staffId: string, meetingIds: readonly string[]): Promise<Rsvp[]>;
}

export interface ProposalRepository {
  insert(proposal: Proposal): Promise<void>;
  update(proposal: Proposal): Promise<void>;
  get(id: string): Promise<Proposal | undefined>;
  listByAuthor(staffId: string): Promise<Proposal[]>;
  list(filter?: { callId?: string; states?: readonly ProposalState[] }): Promise<Proposal[]>;
  countByCall(callId: string, states?: readonly ProposalState[]): Promise<number>;
  /**
   * How many proposals of a call are in each of `states`, by author and the department a department
   * proposal speaks for (one aggregate query for the dashboard's overview).
   */
  countByAuthorAndState(
    callId: string,
    states: readonly ProposalState[],
  ): Promise<{ authorStaffId: string; departmentUnitId?: string | undefined; state: ProposalState; count: number }[]>;
  /** How many proposals are in each state, across every call (one aggregate query for the dashboard). */
  countByState(): Promise<Partial<Record<ProposalState, number>>>;
  /** Allocates the next receipt sequence within a call; never hands out the same number twice. */
  nextReceiptSequence(callId: string): Promise<number>;
  addReviewNote(note: { proposalId: string; authorStaffId: string; text: string; at: Date }): Promise<void>;
  listReviewNotes(proposalId: string): Promise<{ authorStaffId: string; text: string; at: Date }[]>;
}

export interface RecruitmentRepository {
  upsertProject(project: RecruitmentProject): Promise<UpsertOutcome>;
  getProject(id: string): Promise<RecruitmentProject | undefined>;
  listProjects(filter?: { status?: RecruitmentProject['status'] }): Promise<RecruitmentProject[]>;
  /** One application per person and project: a repeated insert returns the existing one. */
  insertApplication(application: Application): Promise<Application>;
  /** Replaces a stored application (found by its id) with a new state or content. */
  updateApplication(application: Application): Promise<void>;
  findApplication(projectId: string, staffId: string): Promise<Application | undefined>;
  listApplications(projectId: string): Promise<Application[]>;
  saveTeam(projectId: string, seats: readonly TeamSeat[]): Promise<void>;
  getTeam(projectId: string): Promise<TeamSeat[]>;
  /** The proposal-based PT team rules of a fiscal year, as the programme states them. */
  getTeamRules(fiscalYear: number): Promise<TeamRules | undefined>;
  upsertTeamRules(fiscalYear: number, rules: TeamRules): Promise<UpsertOutcome>;
}

export interface AuditRepository {
  record(entry: AuditEntry): Promise<void>;
  listFor(entityType: string, entityId: string): Promise<AuditEntry[]>;
}

/**
 * Remembers keys of operations already done (inbound activity ids, card-action tokens), so a
 * retried request changes state once. `claim` is true the first time a key is seen.
 */
export interface IdempotencyRepository {
  claim(key: string, at: Date): Promise<boolean>;
}
