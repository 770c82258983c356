import { sql, type Kysely } from 'kysely';
import type { Body } from '../../shared/bodies/body.js';
import type { ProposalCall } from '../../shared/calls/proposal-call.js';
import type { Post } from '../../shared/organisation/post.js';
import type { Unit } from '../../shared/organisation/unit.js';
import type { Plan } from '../../shared/plan/plan.js';
import type { ProgressReport, ProjectTeam } from '../../shared/plan/project-team.js';
import type { GoodPractice } from '../../shared/practices/good-practice.js';
import type {
  BodyRepository,
  CallRepository,
  MilestoneRepository,
  PostRepository,
  PlanRepository,
  PracticeRepository,
  ProjectTeamRepository,
  UnitRepository,
} from '../../shared/ports/reference-data-ports.js';
import type { Milestone } from '../../shared/schedule/milestone.js';
import type { Database } from '../database.js';
import { encodeDocument } from '../document-codec.js';
import { decodeRows, findDocument, listDocuments, upsertDocument } from './document-table.js';

export function unitRepository(db: Kysely<Database>): UnitRepository {
  return {
    upsert: (unit) => upsertDocument(db, 'units', unit),
    get: (id) => findDocument<Unit>(db, 'units', id),
    list: () => listDocuments<Unit>(db, 'units'),
  };
}

export function postRepository(db: Kysely<Database>): PostRepository {
  return {
    upsert: (post) => upsertDocument(db, 'posts', post),
    get: (id) => findDocument<Post>(db, 'posts', id),
    list: () => listDocuments<Post>(db, 'posts'),
  };
}

export function bodyRepository(db: Kysely<Database>): BodyRepository {
  return {
    upsert: (body) => upsertDocument(db, 'bodies', body),
    get: (id) => findDocument<Body>(db, 'bodies', id),
    list: () => listDocuments<Body>(db, 'bodies'),
  };
}

export function projectTeamRepository(db: Kysely<Database>): ProjectTeamRepository {
  return {
    upsert: (team) => upsertDocument(db, 'project_teams', team, { item_keys: team.items.map((item) => item.key), sort_order: team.sortOrder }),
    get: (id) => findDocument<ProjectTeam>(db, 'project_teams', id),
    async findByItemKey(key) {
      const row = await db
        .selectFrom('project_teams')
        .select('doc')
        .where(sql<boolean>`${key} = any(item_keys)`)
        .orderBy('sort_order')
        .executeTakeFirst();
      return row ? decodeRows<ProjectTeam>([row])[0] : undefined;
    },
    list: () => listDocuments<ProjectTeam>(db, 'project_teams', sql`sort_order`),
    async addProgressReport(report) {
      await db
        .insertInto('progress_reports')
        .values({ id: report.id, pt_id: report.ptId, reported_at: report.reportedAt, doc: encodeDocument(report) })
        .execute();
    },
    async getProgressReport(id) {
      const row = await db.selectFrom('progress_reports').select('doc').where('id', '=', id).executeTakeFirst();
      return row ? decodeRows<ProgressReport>([row])[0] : undefined;
    },
    async listProgressReports(ptId) {
      const rows = await db.selectFrom('progress_reports').select('doc').where('pt_id', '=', ptId).orderBy('reported_at').execute();
      return decodeRows<ProgressReport>(rows);
    },
  };
}

export function planRepository(db: Kysely<Database>): PlanRepository {
  return {
    upsert: (plan) => upsertDocument(db, 'plans', plan, { fiscal_year: plan.fiscalYear }),
    get: (id) => findDocument<Plan>(db, 'plans', id),
    list: () => listDocuments<Plan>(db, 'plans', sql`fiscal_year`),
  };
}

export function callRepository(db: Kysely<Database>): CallRepository {
  return {
    upsert: (call) => upsertDocument(db, 'calls', call, { fiscal_year: call.fiscalYear }),
    get: (id) => findDocument<ProposalCall>(db, 'calls', id),
    async list(filter = {}) {
      let query = db.selectFrom('calls').select('doc').orderBy('fiscal_year').orderBy('id');
      if (filter.fiscalYear !== undefined) query = query.where('fiscal_year', '=', filter.fiscalYear);
      return decodeRows<ProposalCall>(await query.execute());
    },
  };
}

export function practiceRepository(db: Kysely<Database>): PracticeRepository {
  return {
    upsert: (practice) => upsertDocument(db, 'practices', practice, { fiscal_year: practice.fiscalYear, number: practice.number }),
    async list(filter = {}) {
      let query = db.selectFrom('practices').select('doc').orderBy('fiscal_year').orderBy('number');
      if (filter.fiscalYear !== undefined) query = query.where('fiscal_year', '=', filter.fiscalYear);
      return decodeRows<GoodPractice>(await query.execute());
    },
    async markInterest(practiceId, staffId, at) {
      const result = await db
        .insertInto('practice_interest')
        .values({ practice_id: practiceId, staff_id: staffId, marked_at: at })
        .onConflict((conflict) => conflict.columns(['practice_id', 'staff_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async interestCounts() {
      const rows = await db
        .selectFrom('practice_interest')
        .select(['practice_id', sql<number>`count(*)::int`.as('count')])
        .groupBy('practice_id')
        .execute();
      return new Map(rows.map((row) => [row.practice_id, Number(row.count)]));
    },
  };
}

export function milestoneRepository(db: Kysely<Database>): MilestoneRepository {
  return {
    upsert: (milestone) =>
      upsertDocument(db, 'milestones', milestone, {
        schedule_id: milestone.scheduleId,
        fiscal_year: milestone.fiscalYear,
        source_order: milestone.sourceOrder,
      }),
    async list(filter = {}) {
      let query = db.selectFrom('milestones').select('doc').orderBy('schedule_id').orderBy('source_order');
      if (filter.fiscalYear !== undefined) query = query.where('fiscal_year', '=', filter.fiscalYear);
      if (filter.scheduleId !== undefined) query = query.where('schedule_id', '=', filter.scheduleId);
      return decodeRows<Milestone>(await query.execute());
    },
  };
}
