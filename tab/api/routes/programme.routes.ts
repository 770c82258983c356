import type { Server } from 'restify';
import { z } from 'zod';
import type { Plan } from '../../../shared/plan/plan.js';
import type { BodyDetailDto, PlanDto } from '../../web/models/api-contract.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { HttpProblem } from '../http/error-response.js';
import { pathId } from '../http/input.js';

const planQuery = z.object({ fiscalYear: z.coerce.number().int().min(2019).max(2100).optional() });

const presentPlan = (plan: Plan): PlanDto => ({
  id: plan.id,
  fiscalYear: plan.fiscalYear,
  name: plan.name,
  fromFiscalYear: plan.fromFiscalYear,
  toFiscalYear: plan.toFiscalYear,
  periodAsPrinted: plan.periodAsPrinted,
  guideline: plan.guideline,
  proposalPtItem: plan.proposalPtItem,
  perspectives: plan.perspectives,
});

/** The plan and its bodies as the guideline sets them up; every signed-in member of staff may read them. */
export function mountProgrammeRoutes(server: Server, deps: ApiDeps): void {
  const repos = deps.ctx.store.repositories;

  server.get(
    '/api/v1/plan',
    authedRoute(deps, async ({ query }) => {
      const { fiscalYear } = planQuery.parse({ fiscalYear: query.fiscalYear });
      const plans = await repos.plans.list();
      // Without a year: the latest programme year's record.
      const plan = fiscalYear === undefined ? plans.at(-1) : plans.find((candidate) => candidate.fiscalYear === fiscalYear);
      if (!plan) throw new HttpProblem(404, 'notFound');
      return { json: presentPlan(plan) };
    }),
  );

  server.get(
    '/api/v1/bodies/:id',
    authedRoute(deps, async ({ params }) => {
      const body = await repos.bodies.get(pathId(params, 'id'));
      if (!body) throw new HttpProblem(404, 'notFound');
      const [units, posts, confirmed] = await Promise.all([
        repos.units.list(),
        repos.posts.list(),
        repos.minutes.list({ bodyIds: [body.id], status: 'confirmed' }),
      ]);
      const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
      const postTitle = new Map(posts.map((post) => [post.id, post.title]));
      const json: BodyDetailDto = {
        id: body.id,
        kind: body.kind,
        name: body.name,
        nameEn: body.nameEn,
        shortName: body.shortName,
        guideline: body.guideline,
        effectiveFrom: body.effectiveFrom,
        purpose: body.purpose,
        remit: body.remit ?? [],
        remitSource: body.remitSource,
        secretariat: body.secretariatUnitIds.map((id) => ({ id, name: unitName.get(id) ?? id })),
        roster: body.roster.map((entry) => ({
          postId: entry.postId,
          title: postTitle.get(entry.postId) ?? entry.postId,
          role: entry.role,
          rank: entry.rank,
          moderator: entry.moderator,
        })),
        decisions: confirmed.flatMap((minutes) => minutes.decisions.map((decision) => ({ meetingId: minutes.meetingId, text: decision.text }))),
      };
      return { json };
    }),
  );
}
