import type { Kysely } from 'kysely';
import type { RecruitmentRepository } from '../../shared/ports/activity-ports.js';
import type { Application, RecruitmentProject } from '../../shared/recruitment/recruitment.js';
import type { TeamRules, TeamSeat } from '../../shared/recruitment/team-composition.js';
import type { Database } from '../database.js';
import { encodeDocument } from '../document-codec.js';
import { decodeRows, findDocument, upsertDocument } from './document-table.js';

export function recruitmentRepository(db: Kysely<Database>): RecruitmentRepository {
  return {
    getTeamRules: async (fiscalYear) => {
      const stored = await findDocument<TeamRules & { id: string; fiscalYear: number }>(db, 'team_rules', `fy${fiscalYear}`);
      if (!stored) return undefined;
      const { id: _id, fiscalYear: _fiscalYear, ...rules } = stored;
      return rules;
    },
    upsertTeamRules: (fiscalYear, rules) => {
      const row: TeamRules & { id: string; fiscalYear: number } = { id: `fy${fiscalYear}`, fiscalYear, ...rules };
      return upsertDocument(db, 'team_rules', row, { fiscal_year: fiscalYear });
    },
    upsertProject: (project) => upsertDocument(db, 'recruitment_projects', project, { status: project.status, opens_at: project.opensAt }),
    getProject: (id) => findDocument<RecruitmentProject>(db, 'recruitment_projects', id),
    async listProjects(filter = {}) {
      let query = db.selectFrom('recruitment_projects').select('doc').orderBy('opens_at').orderBy('id');
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      return decodeRows<RecruitmentProject>(await query.execute());
    },
    async insertApplication(application) {
      const inserted = await db
        .insertInto('applications')
        .values({
          id: application.id,
          project_id: application.projectId,
          staff_id: application.staffId,
          applied_at: application.appliedAt,
          doc: encodeDocument(application),
        })
        .onConflict((conflict) => conflict.columns(['project_id', 'staff_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return application;
      const existing = await db
        .selectFrom('applications')
        .select('doc')
        .where('project_id', '=', application.projectId)
        .where('staff_id', '=', application.staffId)
        .executeTakeFirstOrThrow();
      return decodeRows<Application>([existing])[0]!;
    },
    async updateApplication(application) {
      await db
        .updateTable('applications')
        .set({ applied_at: application.appliedAt, doc: encodeDocument(application) })
        .where('id', '=', application.id)
        .execute();
    },
    async findApplication(projectId, staffId) {
      const row = await db.selectFrom('applications').select('doc').where('project_id', '=', projectId).where('staff_id', '=', staffId).executeTakeFirst();
      return row ? decodeRows<Application>([row])[0] : undefined;
    },
    async listApplications(projectId) {
      const rows = await db.selectFrom('applications').select('doc').where('project_id', '=', projectId).orderBy('applied_at').orderBy('id').execute();
      return decodeRows<Application>(rows);
    },
    async saveTeam(projectId, seats) {
      // The team is saved whole: the builder shows the complete composition before saving.
      await db.deleteFrom('team_seats').where('project_id', '=', projectId).execute();
      if (seats.length === 0) return;
      await db
        .insertInto('team_seats')
        .values(seats.map((seat, position) => ({ project_id: projectId, position, doc: encodeDocument(seat) })))
        .execute();
    },
    async getTeam(projectId) {
      const rows = await db.selectFrom('team_seats').select('doc').where('project_id', '=', projectId).orderBy('position').execute();
      return decodeRows<TeamSeat>(rows);
    },
  };
}
