import type { Body } from '../bodies/body.js';
import type { ProposalCall } from '../calls/proposal-call.js';
import type { Post } from '../organisation/post.js';
import type { Staff } from '../organisation/staff.js';
import type { Unit } from '../organisation/unit.js';
import type { Plan } from '../plan/plan.js';
import type { ProgressReport, ProjectTeam } from '../plan/project-team.js';
import type { GoodPractice } from '../practices/good-practice.js';
import type { Milestone } from '../schedule/milestone.js';

/**
 * Reference data is written by the importer with `upsert` (by id), so importing the same file
 * twice changes nothing; each upsert reports whether a row was created, changed or unchanged.
 */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface UnitRepository {
  upsert(unit: Unit): Promise<UpsertOutcome>;
  get(id: string): Promise<Unit | undefined>;
  list(): Promise<Unit[]>;
}

export interface PostRepository {
  upsert(post: Post): Promise<UpsertOutcome>;
  get(id: string): Promise<Post | undefined>;
  list(): Promise<Post[]>;
}

export interface StaffRepository {
  upsert(staff: Staff): Promise<UpsertOutcome>;
  get(id: string): Promise<Staff | undefined>;
  findByUpn(upn: string): Promise<Staff | undefined>;
  findByEntraObjectId(objectId: string): Promise<Staff | undefined>;
  /** Current holders of a post (normally one; none while vacant). */
  listByPost(postId: string): Promise<Staff[]>;
  list(): Promise<Staff[]>;
  /**
   * Links the Entra object id the first time a person signs in. An entry linked to another id is
   * refused unless `replace` (local mode's relink); an id already linked to another entry always is.
   */
  linkEntraObjectId(staffId: string, objectId: string, options?: { readonly replace?: boolean }): Promise<void>;
  /** Records the Teams user id the bot saw (a no-op when it is already the one recorded). */
  recordTeamsUserId(staffId: string, teamsUserId: string): Promise<void>;
  count(): Promise<number>;
}

export interface BodyRepository {
  upsert(body: Body): Promise<UpsertOutcome>;
  get(id: string): Promise<Body | undefined>;
  list(): Promise<Body[]>;
}

export interface ProjectTeamRepository {
  upsert(team: ProjectTeam): Promise<UpsertOutcome>;
  get(id: string): Promise<ProjectTeam | undefined>;
  /** Looks a PT up by a folded item key (`2-24`, `3-13`). */
  findByItemKey(key: string): Promise<ProjectTeam | undefined>;
  list(): Promise<ProjectTeam[]>;
  addProgressReport(report: ProgressReport): Promise<void>;
  /** A report by its id, whichever PT it belongs to (ids are unique across PTs). */
  getProgressReport(id: string): Promise<ProgressReport | undefined>;
  listProgressReports(ptId: string): Promise<ProgressReport[]>;
}

/** The plan record each programme year states (`plan-fy2024`). */
export interface PlanRepository {
  upsert(plan: Plan): Promise<UpsertOutcome>;
  get(id: string): Promise<Plan | undefined>;
  list(): Promise<Plan[]>;
}

export interface CallRepository {
  upsert(call: ProposalCall): Promise<UpsertOutcome>;
  get(id: string): Promise<ProposalCall | undefined>;
  list(filter?: { fiscalYear?: number }): Promise<ProposalCall[]>;
}

export interface PracticeRepository {
  upsert(practice: GoodPractice): Promise<UpsertOutcome>;
  list(filter?: { fiscalYear?: number }): Promise<GoodPractice[]>;
  /** Records a staff member's wish to roll a practice out; marking twice counts once. */
  markInterest(practiceId: string, staffId: string, at: Date): Promise<boolean>;
  interestCounts(): Promise<Map<string, number>>;
}

export interface MilestoneRepository {
  upsert(milestone: Milestone): Promise<UpsertOutcome>;
  list(filter?: { fiscalYear?: number; scheduleId?: string }): Promise<Milestone[]>;
}
