import type { Server } from 'restify';
import { isCallOpen } from '../../../shared/calls/proposal-call.js';
import type { ProposalState } from '../../../shared/proposals/proposal.js';
import { departmentOf } from '../../../shared/proposals/track-eligibility.js';
import { isSecretariatOf } from '../../../shared/bodies/convene-permission.js';
import { daysUntil, fiscalYearOf, fiscalYearRange, jstDateOf } from '../../../shared/time/index.js';
import { myOpenActionItems, overdueActionItems } from '../../../shared/use-cases/meeting-minutes.js';
import { presentActionItems } from '../views/minutes-view.js';
import type { DashboardDto, ViewerDto } from '../../web/models/api-contract.js';
import { z } from 'zod';
import { errorMessage } from '../../../shared/i18n/error-messages.js';
import type { Locale } from '../../../shared/i18n/locale.js';
import { setPreferredLocale } from '../../../shared/use-cases/person-preferences.js';
import { identityRefusal } from '../../../shared/use-cases/staff-identity.js';
import type { Viewer } from '../auth/viewer.js';
import { pathId, requireStaff } from '../http/input.js';
import { presentNotice } from '../views/notice-view.js';
import { listMyNotices, markNoticeRead } from '../../../shared/use-cases/personal-notices.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { presentCall } from '../views/call-view.js';
import { presentMeetingSummary } from '../views/meeting-view.js';
import { presentChairDesk, presentSecretariatDesk } from '../views/dashboard-desks.js';
import { presentProgrammeOverview } from '../views/programme-overview.js';

const NEXT_MEETINGS = 5;
const NOTICE_LIMIT = 20;
const preferencesForm = z.strictObject({ locale: z.enum(['ja', 'en']) });
const RSVP_HORIZON = 50;

async function presentViewer(deps: ApiDeps, viewer: Viewer, locale: Locale): Promise<ViewerDto> {
  const units = new Map((await deps.ctx.store.repositories.units.list()).map((unit) => [unit.id, unit]));
  const unit = viewer.staff?.unitId ? units.get(viewer.staff.unitId) : undefined;
  const department = departmentOf(viewer.staff?.unitId, units);
  return {
    displayName: viewer.staff?.displayName ?? viewer.caller.name ?? viewer.caller.upn ?? '',
    upn: viewer.staff?.upn ?? viewer.caller.upn,
    staffId: viewer.staff?.id,
    unitName: unit?.name,
    department: department ? { id: department.id, name: department.name } : undefined,
    grade: viewer.staff?.grade,
    preferredLocale: viewer.staff?.preferredLocale,
    directoryNotice:
      viewer.identity.kind === 'staff'
        ? undefined
        : { code: identityRefusal(viewer.identity).code, message: errorMessage(identityRefusal(viewer.identity), locale) },
    roles: { admin: viewer.roles.admin, secretariat: viewer.roles.secretariat, chairOf: viewer.roles.chairOf, secretariatOf: viewer.roles.secretariatOf },
  };
}

/** `GET /api/v1/me` and the home page: my tasks first, then meetings, open calls and counts. */
export function mountDashboardRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    '/api/v1/me',
    authedRoute(deps, async ({ viewer, locale }) => ({ json: await presentViewer(deps, viewer, locale) })),
  );

  server.put(
    '/api/v1/me/preferences',
    authedRoute(deps, async ({ viewer, body }) => {
      const { locale } = preferencesForm.parse(await body());
      const updated = await setPreferredLocale(deps.ctx, requireStaff(viewer), locale);
      return { json: await presentViewer(deps, { ...viewer, staff: updated, identity: { kind: 'staff', staff: updated } }, locale) };
    }),
  );

  server.post(
    '/api/v1/notices/:id/read',
    authedRoute(deps, async ({ viewer, params }) => {
      await markNoticeRead(deps.ctx, requireStaff(viewer), pathId(params, 'id'));
      return { json: { read: true } };
    }),
  );

  // Apart from the dashboard, so the home page shows before the chart's aggregate is read.
  server.get(
    '/api/v1/dashboard/overview',
    authedRoute(deps, async () => ({ json: await presentProgrammeOverview(deps.ctx.store.repositories, deps.ctx.clock.now()) })),
  );

  server.get(
    '/api/v1/dashboard',
    authedRoute(deps, async ({ viewer, locale }) => {
      const repos = deps.ctx.store.repositories;
      const now = deps.ctx.clock.now();
      const staff = viewer.staff;
      const [calls, upcoming, teams, mine, stateCounts, recruiting] = await Promise.all([
        repos.calls.list(),
        repos.meetings.listUpcoming(now, { limit: RSVP_HORIZON }),
        repos.projectTeams.list(),
        staff ? repos.proposals.listByAuthor(staff.id) : Promise.resolve([]),
        repos.proposals.countByState(),
        repos.recruitment.listProjects({ status: 'recruiting' }),
      ]);
      const callById = new Map(calls.map((call) => [call.id, call]));
      const bodyById = new Map(viewer.bodies.map((body) => [body.id, body]));
      const teamByBody = new Map(teams.map((team) => [team.bodyId, team]));
      // A draft convocation is not on anyone's home page; the secretariat and the issuer find it under 会議.
      const active = upcoming.filter((meeting) => meeting.status !== 'cancelled' && meeting.status !== 'prepared');

      // One query for the viewer's answers to every listed meeting, not one per meeting.
      const myRsvps = new Map(
        (staff
          ? await repos.meetings.listRsvpsOf(
              staff.id,
              active.map((meeting) => meeting.id),
            )
          : []
        ).map((rsvp) => [rsvp.meetingId, rsvp]),
      );
      const summaries = active.map((meeting) =>
        presentMeetingSummary(meeting, bodyById.get(meeting.bodyId), { staff, team: teamByBody.get(meeting.bodyId), myRsvp: myRsvps.get(meeting.id) }),
      );

      const drafts = mine
        .filter((proposal) => proposal.state === 'draft')
        .map((proposal) => {
          const track = callById.get(proposal.callId)?.tracks.find((candidate) => candidate.kind === proposal.track);
          return {
            id: proposal.id,
            title: proposal.title,
            callTitle: callById.get(proposal.callId)?.title ?? proposal.callId,
            closesAt: track?.closesAt.toISOString(),
            daysLeft: track ? daysUntil(now, track.closesAt) : undefined,
          };
        });

      const myProposals = mine
        .filter((proposal) => proposal.state !== 'draft')
        .sort((a, b) => (b.submittedAt ?? b.createdAt).getTime() - (a.submittedAt ?? a.createdAt).getTime())
        .map((proposal) => ({
          id: proposal.id,
          title: proposal.title,
          callTitle: callById.get(proposal.callId)?.title ?? proposal.callId,
          track: proposal.track,
          state: proposal.state,
          receiptNumber: proposal.receiptNumber,
          decidedAt: proposal.decidedAt?.toISOString(),
          decisionReason: proposal.decisionReason,
        }));

      const openRecruitments = recruiting
        .filter((project) => project.opensAt.getTime() <= now.getTime() && now.getTime() < project.closesAt.getTime())
        .sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())
        .map((project) => ({ id: project.id, title: project.title, closesAt: project.closesAt.toISOString(), daysLeft: daysUntil(now, project.closesAt) }));

      // "This period" is the fiscal year: a PT reports at least once a year to HQ.
      const fiscalYear = fiscalYearOf(now);
      const { start } = fiscalYearRange(fiscalYear);
      const reportedThisYear = await Promise.all(
        teams
          .filter((team) => team.status === 'active')
          .map(async (team) => (await repos.projectTeams.listProgressReports(team.id)).some((report) => report.reportedAt.getTime() >= start.getTime())),
      );
      const reported = reportedThisYear.filter(Boolean).length;
      const ptReporting = { fiscalYear, reported, notYet: reportedThisYear.length - reported };

      // Drafts stay private to their authors, so the programme-wide counts leave them out.
      const { draft: _drafts, ...counts }: Partial<Record<ProposalState, number>> = stateCounts;

      const notices = staff
        ? (await Promise.all((await listMyNotices(deps.ctx, staff, NOTICE_LIMIT)).map((each) => presentNotice(repos, each)))).filter(
            (notice) => notice !== undefined,
          )
        : [];

      const today = jstDateOf(now);
      const [actionItems, overdueItems] = staff
        ? await Promise.all([
            myOpenActionItems(deps.ctx, staff).then((items) => presentActionItems(repos, items, today)),
            overdueActionItems(deps.ctx, staff).then((items) => presentActionItems(repos, items, today)),
          ])
        : [[], []];
      const followsActions = staff !== undefined && (viewer.roles.admin || viewer.bodies.some((body) => isSecretariatOf(body, staff)));

      const dashboard: DashboardDto = {
        viewer: await presentViewer(deps, viewer, locale),
        notices,
        tasks: {
          drafts,
          rsvpsToAnswer: summaries.filter((meeting) => meeting.status === 'convened' && meeting.viewerExpected && !meeting.myRsvp),
          reviewsWaiting:
            viewer.roles.secretariat || viewer.roles.admin ? { submitted: counts.submitted ?? 0, underReview: counts.underReview ?? 0 } : undefined,
          actionItems,
          overdueActionItems: followsActions ? overdueItems : undefined,
        },
        nextMeetings: summaries.slice(0, NEXT_MEETINGS),
        openCalls: calls.filter((call) => isCallOpen(call, now)).map((call) => presentCall(call, now)),
        proposalCounts: counts,
        myProposals,
        openRecruitments,
        ptReporting,
        secretariatDesk: await presentSecretariatDesk(repos, viewer, counts, now),
        chairDesk: await presentChairDesk(repos, viewer, { absences: await repos.postAbsences.list(), at: now }),
      };
      return { json: dashboard };
    }),
  );
}
