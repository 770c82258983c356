import type { Server } from 'restify';
import { z } from 'zod';
import type { PtCategory, PtStatus } from '../../../shared/plan/project-team.js';
import { displayItemNumbers, expectsUnit, topicLeadOf, unitAsPrinted, type ProjectTeam } from '../../../shared/plan/project-team.js';
import { practiceStatus } from '../../../shared/practices/good-practice.js';
import { searchProjectTeams } from '../../../shared/plan/project-team-search.js';
import { compareProjectTeams } from '../../../shared/plan/item-order.js';
import { outOfOrderMilestones } from '../../../shared/schedule/milestone.js';
import { markPracticeInterest, searchPractices } from '../../../shared/use-cases/practice-catalogue.js';
import { decisionsConcerningPt } from '../../../shared/use-cases/meeting-minutes.js';
import { addProgressReport, mayReportProgress, PROGRESS_REPORT_MAX_LENGTH } from '../../../shared/use-cases/pt-progress.js';
import type { MilestoneDto, PracticeDto, ProjectTeamDetailDto, ProjectTeamSummaryDto } from '../../web/models/api-contract.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { HttpProblem } from '../http/error-response.js';
import { idSchema, pathId, requireStaff } from '../http/input.js';
import { presentMeetingSummary } from '../views/meeting-view.js';

const ptQuery = z.object({
  category: z.enum(['crossDepartmental', 'threeLayer'] satisfies PtCategory[]).optional(),
  status: z.enum(['active', 'paused', 'closed'] satisfies PtStatus[]).optional(),
  unitId: idSchema.optional(),
  q: z.string().max(200).optional(),
});
const practiceQuery = z.object({ q: z.string().max(200).optional() });
const reportText = z
  .string()
  .max(PROGRESS_REPORT_MAX_LENGTH * 2)
  .default('');
const progressReportInput = z.strictObject({
  reportId: idSchema,
  meetingId: idSchema,
  structure: reportText,
  schedule: reportText,
  progress: reportText,
  issues: reportText,
});
const scheduleQuery = z.object({ fiscalYear: z.coerce.number().int().min(2019).max(2100).optional() });

/** Reference pages every signed-in member of staff may read: PTs, good practices, the schedule. */
export function mountCatalogueRoutes(server: Server, deps: ApiDeps): void {
  const repos = deps.ctx.store.repositories;
  const unitRefs = async () => new Map((await repos.units.list()).map((unit) => [unit.id, { id: unit.id, name: unit.name }]));
  const summary = (team: ProjectTeam, units: Map<string, { id: string; name: string }>): ProjectTeamSummaryDto => ({
    id: team.id,
    items: displayItemNumbers(team),
    title: team.title,
    category: team.category,
    status: team.status,
    secretariat: team.secretariatUnitIds.map((id) => units.get(id) ?? { id, name: id }),
    memberCount: team.memberUnitIds.length,
    membersOpenEnded: team.membersOpenEnded,
  });

  server.get(
    '/api/v1/project-teams',
    authedRoute(deps, async ({ query }) => {
      const filter = ptQuery.parse({ category: query.category, status: query.status, unitId: query.unitId, q: query.q });
      const units = await unitRefs();
      const teams = searchProjectTeams(await repos.projectTeams.list(), filter.q ?? '')
        .filter((team) => !filter.category || team.category === filter.category)
        .filter((team) => !filter.status || team.status === filter.status)
        .filter((team) => !filter.unitId || expectsUnit(team, filter.unitId) || team.unassignedUnitIds.includes(filter.unitId))
        .sort(compareProjectTeams);
      return { json: teams.map((team) => summary(team, units)) };
    }),
  );

  server.get(
    '/api/v1/project-teams/:id',
    authedRoute(deps, async ({ viewer, params }) => {
      const team = await repos.projectTeams.get(pathId(params, 'id'));
      if (!team) throw new HttpProblem(404, 'notFound');
      const units = await unitRefs();
      const body = viewer.bodies.find((candidate) => candidate.id === team.bodyId);
      const [reports, meetings, everyMeeting, decisions, confirmed] = await Promise.all([
        repos.projectTeams.listProgressReports(team.id),
        repos.meetings.list({ bodyId: team.bodyId }),
        repos.meetings.list(),
        decisionsConcerningPt(deps.ctx, team.id),
        repos.minutes.list({ status: 'confirmed' }),
      ]);
      const confirmedIds = new Set(confirmed.map((minutes) => minutes.meetingId));
      const meetingById = new Map(everyMeeting.map((meeting) => [meeting.id, meeting]));
      // Progress is reported at the PT's own meetings and at any meeting whose agenda names the PT (HQ in May and July).
      // A draft convocation not yet issued (HQ, the council) is no meeting to report at yet.
      const reportable = everyMeeting.filter(
        (meeting) =>
          meeting.status !== 'cancelled' &&
          meeting.status !== 'prepared' &&
          (meeting.bodyId === team.bodyId || meeting.agenda.some((item) => item.ptId === team.id)),
      );
      const bodyOf = (bodyId: string) => viewer.bodies.find((candidate) => candidate.id === bodyId);
      const json: ProjectTeamDetailDto = {
        ...summary(team, units),
        topics: team.topics.map((topic) => {
          const lead = topicLeadOf(team, topic.number);
          return lead ? { ...topic, lead: units.get(lead) ?? { id: lead, name: lead } } : topic;
        }),
        members: team.memberUnitIds.map((id) => ({ id, name: unitAsPrinted(team, id, (unitId) => units.get(unitId)?.name ?? unitId) })),
        unassigned: team.unassignedUnitIds.map((id) => units.get(id) ?? { id, name: id }),
        notes: team.notes,
        viewerUnitExpected: viewer.staff?.unitId !== undefined && expectsUnit(team, viewer.staff.unitId),
        progressReports: reports
          .sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime())
          .map((report) => ({
            id: report.id,
            reportedAt: report.reportedAt.toISOString(),
            meetingId: report.meetingId,
            structure: report.structure,
            schedule: report.schedule,
            progress: report.progress,
            issues: report.issues,
          })),
        meetings: meetings
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
          .map((meeting) => presentMeetingSummary(meeting, body, { staff: viewer.staff, team }, confirmedIds.has(meeting.id))),
        mayReport: viewer.staff !== undefined && (await mayReportProgress(repos, viewer.staff, team)),
        reportableMeetings: reportable.map((meeting) => presentMeetingSummary(meeting, bodyOf(meeting.bodyId), { staff: viewer.staff })),
        // What the confirmed minutes say about this PT: its own meetings' items, and other bodies' items naming it.
        meetingSummaries: confirmed.flatMap((minutes) => {
          const meeting = meetingById.get(minutes.meetingId);
          if (!meeting) return [];
          const held = bodyOf(minutes.bodyId);
          return minutes.summaries.flatMap((summary) => {
            const item = meeting.agenda[summary.agendaIndex];
            const aboutThisPt = meeting.bodyId === team.bodyId || item?.ptId === team.id;
            if (!item || !aboutThisPt || !summary.summary.trim()) return [];
            return [
              {
                meetingId: meeting.id,
                bodyName: held?.name ?? minutes.bodyId,
                bodyNameEn: held?.nameEn ?? minutes.bodyId,
                ordinal: meeting.ordinal,
                startsAt: meeting.startsAt.toISOString(),
                agendaTitle: item.title,
                summary: summary.summary,
              },
            ];
          });
        }),
        meetingDecisions: decisions.flatMap(({ meetingId, bodyId, decision }) => {
          const meeting = meetingById.get(meetingId);
          if (!meeting || decision.subject.kind !== 'pt') return [];
          const decidedBy = bodyOf(bodyId);
          return [
            {
              meetingId,
              bodyName: decidedBy?.name ?? bodyId,
              bodyNameEn: decidedBy?.nameEn ?? bodyId,
              ordinal: meeting.ordinal,
              startsAt: meeting.startsAt.toISOString(),
              text: decision.text,
              concern: decision.subject.concern,
            },
          ];
        }),
      };
      return { json };
    }),
  );

  server.post(
    '/api/v1/project-teams/:id/progress-reports',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const actor = requireStaff(viewer);
      const ptId = pathId(params, 'id');
      const input = progressReportInput.parse(await body());
      const report = await addProgressReport(deps.ctx, actor, { ...input, ptId });
      return { status: 201, json: { id: report.id, reportedAt: report.reportedAt.toISOString(), meetingId: report.meetingId } };
    }),
  );

  server.get(
    '/api/v1/practices',
    authedRoute(deps, async ({ query }) => {
      const { q } = practiceQuery.parse({ q: query.q });
      const units = await unitRefs();
      const found = await searchPractices(deps.ctx, q ?? '');
      const json: PracticeDto[] = found.map(({ practice, interestCount }) => ({
        id: practice.id,
        number: practice.number,
        fiscalYear: practice.fiscalYear,
        title: practice.title,
        origin: practice.origin,
        ownerUnitName: practice.ownerUnitId ? units.get(practice.ownerUnitId)?.name : undefined,
        publisher: practice.publisher,
        summary: practice.summary,
        tags: practice.tags,
        link: practice.link && /^https?:\/\//i.test(practice.link) ? practice.link : undefined,
        interestCount,
        status: practiceStatus(practice),
      }));
      return { json };
    }),
  );

  server.post(
    '/api/v1/practices/:id/interest',
    authedRoute(deps, async ({ viewer, params }) => {
      const interestCount = await markPracticeInterest(deps.ctx, requireStaff(viewer), pathId(params, 'id'));
      return { json: { interestCount } };
    }),
  );

  server.get(
    '/api/v1/schedule',
    authedRoute(deps, async ({ viewer, query }) => {
      const { fiscalYear } = scheduleQuery.parse({ fiscalYear: query.fiscalYear });
      const milestones = await repos.milestones.list({ fiscalYear });
      // The source's ordering slips are the secretariat's to check; everyone reads the timeline in date order.
      const checksData = viewer.roles.secretariat || viewer.roles.admin;
      const flagged = new Set<string>();
      for (const scheduleId of checksData ? new Set(milestones.map((milestone) => milestone.scheduleId)) : []) {
        for (const milestone of outOfOrderMilestones(milestones.filter((candidate) => candidate.scheduleId === scheduleId))) flagged.add(milestone.id);
      }
      const json: MilestoneDto[] = milestones
        .sort((a, b) => a.fiscalYear - b.fiscalYear || (a.date ?? a.month).localeCompare(b.date ?? b.month) || a.sourceOrder - b.sourceOrder)
        .map((milestone) => ({ ...milestone, outOfOrder: flagged.has(milestone.id) }));
      return { json: { milestones: json, flagged: flagged.size } };
    }),
  );
}
