import type { Server } from 'restify';
import { z } from 'zod';
import { MOTIVATION_MAX_LENGTH, type Application, type ApplicationVersion, type RecruitmentProject } from '../../../shared/recruitment/recruitment.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import type { TeamRules } from '../../../shared/recruitment/team-composition.js';
import { foldForSearch } from '../../../shared/text/normalise.js';
import { applyForRecruitment, saveRecruitmentTeam, TEAM_REASON_MAX_LENGTH } from '../../../shared/use-cases/recruitment-team.js';
import type {
  ApplicationResultDto,
  ApplicationVersionDto,
  CandidateDto,
  RecruitmentDetailDto,
  RecruitmentSummaryDto,
  TeamRulesDto,
} from '../../web/models/api-contract.js';
import type { Viewer } from '../auth/viewer.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { HttpProblem } from '../http/error-response.js';
import { idSchema, pathId, requireReviewer, requireStaff } from '../http/input.js';

const role = z.enum(['pm', 'pl', 'member']);
const applyInput = z.strictObject({ desiredRole: role, motivation: z.string().max(MOTIVATION_MAX_LENGTH * 2) });
const reason = z.string().max(TEAM_REASON_MAX_LENGTH * 2);
const teamInput = z.strictObject({
  seats: z.array(z.strictObject({ staffId: idSchema, role, exceptionReason: reason.optional() })).max(50),
  confirmationReason: reason.optional(),
});
const candidateQuery = z.strictObject({ q: z.string().max(100).optional() });
/** The most people the candidate search returns beyond the applicants. */
const CANDIDATE_LIMIT = 20;
const rulesDto = (rules: TeamRules): TeamRulesDto => ({
  pmGrades: [...rules.pmGrades],
  pmCount: rules.pmCount,
  plGrades: [...rules.plGrades],
  plCount: rules.plCount,
  memberMaxGrade: rules.memberMaxGrade,
  minMembers: rules.minMembers,
  maxMembers: rules.maxMembers,
  membersApproximate: rules.membersApproximate,
  membersAsPrinted: rules.membersAsPrinted,
});
const versionDto = (version: ApplicationVersion): ApplicationVersionDto => ({ desiredRole: version.desiredRole, appliedAt: version.appliedAt.toISOString() });
const resultDto = (application: Application, replaced?: Application): ApplicationResultDto => ({
  desiredRole: application.desiredRole,
  state: application.state,
  appliedAt: application.appliedAt.toISOString(),
  replaced: replaced ? versionDto(replaced) : undefined,
});

/**
 * 提案型PT: the selected themes with their public call for members, applications as an
 * individual, and the secretariat's team builder. Applying and saving go through the same use
 * cases as the bot; the team rules are checked by `checkTeamComposition` here and in the browser.
 */
export function mountRecruitmentRoutes(server: Server, deps: ApiDeps): void {
  const repos = deps.ctx.store.repositories;
  const summary = async (project: RecruitmentProject, viewer: Viewer): Promise<RecruitmentSummaryDto> => {
    const now = deps.ctx.clock.now();
    const applications = await repos.recruitment.listApplications(project.id);
    const mine = viewer.staff ? applications.find((application) => application.staffId === viewer.staff!.id) : undefined;
    return {
      id: project.id,
      fiscalYear: project.fiscalYear,
      title: project.title,
      description: project.description,
      perspective: project.perspective,
      opensAt: project.opensAt.toISOString(),
      closesAt: project.closesAt.toISOString(),
      status: project.status,
      open: project.status === 'recruiting' && now >= project.opensAt && now < project.closesAt,
      demo: project.demo,
      applicationCount: applications.length,
      myApplication: mine
        ? { desiredRole: mine.desiredRole, state: mine.state, appliedAt: mine.appliedAt.toISOString(), motivation: mine.motivation }
        : undefined,
    };
  };
  const requireProject = async (id: string) => {
    const project = await repos.recruitment.getProject(id);
    if (!project) throw new HttpProblem(404, 'notFound');
    return project;
  };

  server.get(
    '/api/v1/recruitment',
    authedRoute(deps, async ({ viewer }) => {
      const projects = await repos.recruitment.listProjects();
      return { json: await Promise.all(projects.map((project) => summary(project, viewer))) };
    }),
  );

  server.get(
    '/api/v1/recruitment/:id',
    authedRoute(deps, async ({ viewer, params }) => {
      const project = await requireProject(pathId(params, 'id'));
      const reviewer = viewer.roles.secretariat || viewer.roles.admin;
      const rules = await repos.recruitment.getTeamRules(project.fiscalYear);
      const json: RecruitmentDetailDto = {
        ...(await summary(project, viewer)),
        viewerGrade: viewer.staff?.grade,
        mayBuildTeam: reviewer,
        recruitmentClosed: deps.ctx.clock.now() >= project.closesAt,
        teamRules: rules ? rulesDto(rules) : undefined,
        applicants: [],
        team: [],
      };
      if (!reviewer) return { json };
      const [applications, team, staff, units] = await Promise.all([
        repos.recruitment.listApplications(project.id),
        repos.recruitment.getTeam(project.id),
        repos.staff.list(),
        repos.units.list(),
      ]);
      const people = new Map(staff.map((person) => [person.id, person]));
      const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
      return {
        json: {
          ...json,
          applicants: applications.map((application) => {
            const person = people.get(application.staffId);
            return {
              staffId: application.staffId,
              displayName: person?.displayName ?? application.staffId,
              unitName: person?.unitId ? unitNames.get(person.unitId) : undefined,
              grade: person?.grade ?? application.gradeAtApplication,
              desiredRole: application.desiredRole,
              motivation: application.motivation,
              state: application.state,
              appliedAt: application.appliedAt.toISOString(),
              earlierVersions: (application.earlierVersions ?? []).map(versionDto),
            };
          }),
          team: team.map((seat) => ({
            staffId: seat.staffId,
            displayName: seat.displayName,
            grade: seat.grade,
            role: seat.role,
            exceptionReason: seat.exceptionReason,
          })),
          teamConfirmation: project.teamConfirmation
            ? { reason: project.teamConfirmation.reason, confirmedAt: project.teamConfirmation.confirmedAt.toISOString() }
            : undefined,
        },
      };
    }),
  );

  /**
   * Who the builder may seat: the applicants first (withdrawn ones marked), then — for an
   * exception with a recorded reason — active staff whose name or address contains `q`.
   */
  server.get(
    '/api/v1/recruitment/:id/candidates',
    authedRoute(deps, async ({ viewer, params, query }) => {
      requireReviewer(viewer);
      const project = await requireProject(pathId(params, 'id'));
      const { q } = candidateQuery.parse({ q: query.q });
      const [applications, staff, units] = await Promise.all([repos.recruitment.listApplications(project.id), repos.staff.list(), repos.units.list()]);
      const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
      const people = new Map(staff.map((person) => [person.id, person]));
      const candidate = (person: Staff, application?: Application): CandidateDto => ({
        staffId: person.id,
        displayName: person.displayName,
        unitName: person.unitId ? unitNames.get(person.unitId) : undefined,
        grade: person.grade,
        applicant: application !== undefined && application.state !== 'withdrawn',
        withdrawn: application?.state === 'withdrawn',
      });
      const applicants = applications.flatMap((application) => {
        const person = people.get(application.staffId);
        return person ? [candidate(person, application)] : [];
      });
      // 「渡辺和夫」 finds 「渡辺 和夫」: spaces are not compared.
      const folded = (text: string) => foldForSearch(text).replace(/ /g, '');
      const needle = q ? folded(q) : '';
      const applied = new Set(applications.map((application) => application.staffId));
      const others = needle
        ? staff
            .filter(
              (person) => person.active && !applied.has(person.id) && (folded(person.displayName).includes(needle) || folded(person.upn).includes(needle)),
            )
            .slice(0, CANDIDATE_LIMIT)
            .map((person) => candidate(person))
        : [];
      return { json: [...applicants, ...others] };
    }),
  );

  server.post(
    '/api/v1/recruitment/:id/applications',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const applicant = requireStaff(viewer);
      const input = applyInput.parse(await body());
      const { application, replaced } = await applyForRecruitment(deps.ctx, applicant, { projectId: pathId(params, 'id'), ...input });
      return { status: replaced ? 200 : 201, json: resultDto(application, replaced) };
    }),
  );

  server.put(
    '/api/v1/recruitment/:id/team',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const secretariat = requireReviewer(viewer);
      const input = teamInput.parse(await body());
      const saved = await saveRecruitmentTeam(deps.ctx, secretariat, { projectId: pathId(params, 'id'), ...input });
      return { json: { team: saved.map((seat) => ({ staffId: seat.staffId, role: seat.role })) } };
    }),
  );
}
