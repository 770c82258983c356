import type { Server } from 'restify';
import { z } from 'zod';
import { departmentOf } from '../../../shared/proposals/track-eligibility.js';
import { DECISIONS, type ProposalState } from '../../../shared/proposals/proposal.js';
import { sameItemProposals } from '../../../shared/proposals/same-item-proposals.js';
import { formatIsoJst } from '../../../shared/time/index.js';
import { exportProposalsCsv, proposalExportTable } from '../../../shared/use-cases/proposal-export.js';
import { noticesAbout } from '../../../shared/use-cases/personal-notices.js';
import { addReviewNote, decideProposal, REVIEW_NOTE_MAX_LENGTH, startProposalReviews } from '../../../shared/use-cases/proposal-review.js';
import { renderProposalsXlsx, XLSX_CONTENT_TYPE } from '../documents/proposals-xlsx.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { HttpProblem } from '../http/error-response.js';
import { idSchema, pathId, requireReviewer } from '../http/input.js';
import { presentReviewProposal } from '../views/proposal-view.js';

const REVIEWABLE: readonly ProposalState[] = ['submitted', 'underReview', 'acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected', 'withdrawn'];
const boardQuery = z.object({
  callId: idSchema.optional(),
  state: z.enum(REVIEWABLE as [ProposalState, ...ProposalState[]]).optional(),
  track: z.enum(['department', 'individual']).optional(),
  departmentUnitId: idSchema.optional(),
});
const startInput = z.strictObject({ proposalIds: z.array(idSchema).min(1).max(500) });
const decisionInput = z.strictObject({
  decision: z.enum(DECISIONS as [string, ...string[]]).transform((value) => value as (typeof DECISIONS)[number]),
  reason: z.string().max(2000),
});
const noteInput = z.strictObject({ text: z.string().max(REVIEW_NOTE_MAX_LENGTH * 2) });
const exportQuery = z.object({ callId: idSchema.optional() });

/**
 * The secretariat's review board: every submitted proposal with private notes, bulk start of
 * review, decisions with a reason, notes and the CSV and Excel exports. Everyone else gets 403 before
 * anything is read or written.
 */
export function mountReviewRoutes(server: Server, deps: ApiDeps): void {
  const repos = deps.ctx.store.repositories;
  /** `提案一覧-fy2024-new-initiative-2024-05-10.csv`: what, which call, the day in Japan. */
  const exportName = (locale: 'ja' | 'en', callId: string | undefined, extension: string) =>
    `${locale === 'ja' ? '提案一覧' : 'proposals'}-${callId ?? 'all'}-${formatIsoJst(deps.ctx.clock.now()).slice(0, 10)}.${extension}`;

  server.get(
    '/api/v1/review/proposals',
    authedRoute(deps, async ({ viewer, query }) => {
      requireReviewer(viewer);
      const filter = boardQuery.parse({ callId: query.callId, state: query.state, track: query.track, departmentUnitId: query.departmentUnitId });
      const [calls, units, staff, teams, reviewable] = await Promise.all([
        repos.calls.list(),
        repos.units.list(),
        repos.staff.list(),
        repos.projectTeams.list(),
        repos.proposals.list({ states: REVIEWABLE }),
      ]);
      const unitMap = new Map(units.map((unit) => [unit.id, unit]));
      const staffMap = new Map(staff.map((person) => [person.id, person]));
      const proposals = reviewable
        .filter((proposal) => !filter.callId || proposal.callId === filter.callId)
        .filter((proposal) => !filter.state || proposal.state === filter.state)
        .filter((proposal) => !filter.track || proposal.track === filter.track)
        .filter((proposal) => {
          if (!filter.departmentUnitId) return true;
          const department = proposal.departmentUnitId ?? departmentOf(staffMap.get(proposal.authorStaffId)?.unitId, unitMap)?.id;
          return department === filter.departmentUnitId;
        })
        .sort((a, b) => (a.receiptNumber ?? '').localeCompare(b.receiptNumber ?? ''));
      // The overlap hint looks across every call and state on the board, whatever the filter shows.
      const lookups = {
        calls: new Map(calls.map((call) => [call.id, call])),
        units: unitMap,
        staff: staffMap,
        teams,
        sameItem: sameItemProposals(reviewable),
        now: deps.ctx.clock.now(),
      };
      const json = await Promise.all(
        proposals.map(async (proposal) => ({
          ...presentReviewProposal(proposal, lookups, await repos.proposals.listReviewNotes(proposal.id)),
          // Whether the proposer has heard the decision: in chat, or only on the dashboard (bot not installed).
          notified: (await noticesAbout(repos, proposal.id)).at(-1)?.delivery,
        })),
      );
      return { json };
    }),
  );

  server.post(
    '/api/v1/review/start',
    authedRoute(deps, async ({ viewer, body }) => {
      const reviewer = requireReviewer(viewer);
      const { proposalIds } = startInput.parse(await body());
      const moved = await startProposalReviews(deps.ctx, reviewer, proposalIds);
      return { json: { moved: moved.map((proposal) => proposal.id) } };
    }),
  );

  server.post(
    '/api/v1/review/proposals/:id/decision',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const reviewer = requireReviewer(viewer);
      const { decision, reason } = decisionInput.parse(await body());
      const decided = await decideProposal(deps.ctx, reviewer, { proposalId: pathId(params, 'id'), decision, reason });
      return { json: { id: decided.id, state: decided.state, decisionReason: decided.decisionReason } };
    }),
  );

  server.post(
    '/api/v1/review/proposals/:id/notes',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const reviewer = requireReviewer(viewer);
      const { text } = noteInput.parse(await body());
      await addReviewNote(deps.ctx, reviewer, pathId(params, 'id'), text);
      return { status: 201, json: { ok: true } };
    }),
  );

  server.get(
    '/api/v1/review/export.csv',
    authedRoute(deps, async ({ viewer, query, locale }) => {
      const reviewer = requireReviewer(viewer);
      const { callId } = exportQuery.parse({ callId: query.callId });
      if (callId && !(await repos.calls.get(callId))) throw new HttpProblem(404, 'notFound');
      const { csv } = await exportProposalsCsv(deps.ctx, reviewer, { callId, locale });
      return { download: { body: csv, contentType: 'text/csv; charset=utf-8', filename: exportName(locale, callId, 'csv') } };
    }),
  );

  /** The same list as the CSV, as a workbook whose plan items and receipt numbers stay text. */
  server.get(
    '/api/v1/review/export.xlsx',
    authedRoute(deps, async ({ viewer, query, locale }) => {
      const reviewer = requireReviewer(viewer);
      const { callId } = exportQuery.parse({ callId: query.callId });
      if (callId && !(await repos.calls.get(callId))) throw new HttpProblem(404, 'notFound');
      const table = await proposalExportTable(deps.ctx, reviewer, { callId, locale });
      const body = await renderProposalsXlsx(table, { sheetName: locale === 'ja' ? '提案一覧' : 'Proposals', createdAt: deps.ctx.clock.now() });
      return { download: { body, contentType: XLSX_CONTENT_TYPE, filename: exportName(locale, callId, 'xlsx') } };
    }),
  );
}
