import type { Body } from '../bodies/body.js';
import type { ProposalCall } from '../calls/proposal-call.js';
import type { Post } from '../organisation/post.js';
import type { Unit } from '../organisation/unit.js';
import type { ProjectTeam } from '../plan/project-team.js';
import type { UpsertOutcome } from '../ports/reference-data-ports.js';
import type { GoodPractice } from '../practices/good-practice.js';
import type { Milestone } from '../schedule/milestone.js';
import type { UseCaseContext } from './context.js';

/** Everything a programme file holds, already validated and mapped to domain objects. */
export interface ProgrammeEntities {
  readonly units: readonly Unit[];
  readonly posts: readonly Post[];
  readonly bodies: readonly Body[];
  readonly projectTeams: readonly ProjectTeam[];
  readonly practices: readonly GoodPractice[];
  readonly calls: readonly ProposalCall[];
  readonly milestones: readonly Milestone[];
}

export type ImportSummary = Record<UpsertOutcome, number>;

/**
 * Writes the programme in one transaction, in dependency order. Every write is an upsert by id,
 * so importing the same file twice reports only `unchanged` and writes nothing; each real change
 * is audited with the stored value before it and the imported value after.
 */
export async function importProgramme(
  ctx: UseCaseContext,
  programme: ProgrammeEntities,
  actorStaffId?: string,
): Promise<ImportSummary> {
  return ctx.store.transaction(async (tx) => {
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
    const at = ctx.clock.now();
    // What is stored now, read once per kind, so an update's audit row shows before → after.
    const write = async <T extends { id: string }>(
      entityType: string,
      items: readonly T[],
      stored: readonly T[],
      upsert: (item: T) => Promise<UpsertOutcome>,
    ) => {
      const before = new Map(stored.map((item) => [item.id, item]));
      for (const item of items) {
        const outcome = await upsert(item);
        summary[outcome] += 1;
        if (outcome !== 'unchanged') {
          await tx.audit.record({ entityType, entityId: item.id, action: `import.${outcome}`, actorStaffId, at, before: before.get(item.id), after: item });
        }
      }
    };
    await write('unit', programme.units, await tx.units.list(), (unit) => tx.units.upsert(unit));
    await write('post', programme.posts, await tx.posts.list(), (post) => tx.posts.upsert(post));
    await write('body', programme.bodies, await tx.bodies.list(), (body) => tx.bodies.upsert(body));
    await write('projectTeam', programme.projectTeams, await tx.projectTeams.list(), (team) => tx.projectTeams.upsert(team));
    await write('practice', programme.practices, await tx.practices.list(), (practice) => tx.practices.upsert(practice));
    await write('call', programme.calls, await tx.calls.list(), (call) => tx.calls.upsert(call));
    await write('milestone', programme.milestones, await tx.milestones.list(), (milestone) => tx.milestones.upsert(milestone));
    return summary;
  });
}
