import type { Server } from 'restify';
import { z } from 'zod';
import { PROPOSAL_LIMITS } from '../../../shared/proposals/proposal-content.js';
import { withdrawProposal } from '../../../shared/use-cases/proposal-review.js';
import { saveProposalDraft, submitProposal, type ProposalInput } from '../../../shared/use-cases/proposal-submission.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { idSchema, pathId, requireStaff } from '../http/input.js';
import { presentCall } from '../views/call-view.js';
import { presentProposal, type ProposalLookups } from '../views/proposal-view.js';

/**
 * The form's fields. Lengths get a margin over the domain limits so the domain, not zod, reports
 * a too-long field with its localised message; zod only stops absurd or unknown input.
 */
const proposalForm = z.strictObject({
  callId: idSchema,
  track: z.enum(['department', 'individual']).optional(),
  departmentUnitId: idSchema.optional(),
  title: z
    .string()
    .max(PROPOSAL_LIMITS.title * 2)
    .optional(),
  summary: z
    .string()
    .max(PROPOSAL_LIMITS.summary * 2)
    .optional(),
  relatedItem: z.string().max(50).optional(),
  expectedEffect: z
    .string()
    .max(PROPOSAL_LIMITS.expectedEffect * 2)
    .optional(),
  perspective: z.string().max(50).optional(),
  currentItemIssues: z
    .string()
    .max(PROPOSAL_LIMITS.currentItemIssues * 2)
    .optional(),
});

/**
 * The caller's own proposals, through the same use cases as the bot's card: save a draft (PUT,
 * idempotent by the id the form chose), submit, withdraw. The use cases enforce authorship and deadlines.
 */
export function mountProposalRoutes(server: Server, deps: ApiDeps): void {
  const repos = deps.ctx.store.repositories;
  const lookups = async (): Promise<ProposalLookups> => ({
    calls: new Map((await repos.calls.list()).map((call) => [call.id, call])),
    units: new Map((await repos.units.list()).map((unit) => [unit.id, unit])),
    now: deps.ctx.clock.now(),
  });
  const formInput = async (id: string, body: () => Promise<unknown>): Promise<ProposalInput> => ({ proposalId: id, ...proposalForm.parse(await body()) });

  server.get(
    '/api/v1/calls',
    authedRoute(deps, async () => {
      const now = deps.ctx.clock.now();
      const calls = (await repos.calls.list()).filter((call) => call.status === 'published');
      return { json: calls.sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime()).map((call) => presentCall(call, now)) };
    }),
  );

  server.get(
    '/api/v1/proposals/mine',
    authedRoute(deps, async ({ viewer }) => {
      const staff = requireStaff(viewer);
      const found = await lookups();
      const mine = (await repos.proposals.listByAuthor(staff.id)).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
      return { json: mine.map((proposal) => presentProposal(proposal, found)) };
    }),
  );

  server.put(
    '/api/v1/proposals/:id',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const author = requireStaff(viewer);
      const draft = await saveProposalDraft(deps.ctx, author, await formInput(pathId(params, 'id'), body));
      return { json: presentProposal(draft, await lookups()) };
    }),
  );

  server.post(
    '/api/v1/proposals/:id/submit',
    authedRoute(deps, async ({ viewer, params, body }) => {
      const author = requireStaff(viewer);
      const submitted = await submitProposal(deps.ctx, author, await formInput(pathId(params, 'id'), body));
      return { json: presentProposal(submitted, await lookups()) };
    }),
  );

  server.post(
    '/api/v1/proposals/:id/withdraw',
    authedRoute(deps, async ({ viewer, params }) => {
      const withdrawn = await withdrawProposal(deps.ctx, requireStaff(viewer), pathId(params, 'id'));
      return { json: presentProposal(withdrawn, await lookups()) };
    }),
  );
}
