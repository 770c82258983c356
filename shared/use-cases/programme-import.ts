import type { Body } from '../bodies/body.js';
import type { ProposalCall } from '../calls/proposal-call.js';
import type { Post } from '../organisation/post.js';
import type { Unit } from '../organisation/unit.js';
import type { Plan } from '../plan/plan.js';
import { withExpectedUnits, type ProjectTeam } from '../plan/project-team.js';
import type { UpsertOutcome } from '../ports/reference-data-ports.js';
import type { GoodPractice } from '../practices/good-practice.js';
import type { Milestone } from '../schedule/milestone.js';
import type { TeamRules } from '../recruitment/team-composition.js';
import type { Repositories } from '../ports/store.js';
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
  readonly plans: readonly Plan[];
  /** The proposal-based PT team rules, one entry per fiscal year the file covers. */
  readonly teamRules: readonly FiscalYearTeamRules[];
}

export interface FiscalYearTeamRules {
  readonly fiscalYear: number;
  readonly rules: TeamRules;
}

export type ImportSummary = Record<UpsertOutcome, number>;

/**
 * Writes the programme in one transaction, in dependency order. Every write is an upsert by id,
 * so importing the same file twice reports only `unchanged` and writes nothing; each real change
 * is audited with the stored value before it and the imported value after.
 */
export async function importProgramme(ctx: UseCaseContext, programme: ProgrammeEntities, actorStaffId?: string): Promise<ImportSummary> {
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
    await write('plan', programme.plans, await tx.plans.list(), (plan) => tx.plans.upsert(plan));
    for (const { fiscalYear, rules } of programme.teamRules) {
      const before = await tx.recruitment.getTeamRules(fiscalYear);
      const outcome = await tx.recruitment.upsertTeamRules(fiscalYear, rules);
      summary[outcome] += 1;
      if (outcome !== 'unchanged')
        await tx.audit.record({ entityType: 'teamRules', entityId: `fy${fiscalYear}`, action: `import.${outcome}`, actorStaffId, at, before, after: rules });
    }
    return summary;
  });
}

/**
 * Brings a database imported by an earlier version up to date at start-up, without re-importing,
 * and keeps it so. It adds only what is missing:
 * - the plan records, the bodies the file has gained (the events), and the fields stored bodies,
 *   PTs and practices lack (所掌事項, purpose, effective date, topic leads, practice status);
 * - the team rules of a fiscal year, the coverage rules of units and the printed names of PTs;
 * and derives every team's expected units again from the stored organisation. Anything a person
 * changed (a renamed unit, a team's resolved units, re-imported rules) stays as it is. A complete
 * database is only read; otherwise one transaction. Returns how many records changed.
 */
export async function completeProgrammeData(ctx: UseCaseContext, programme: ProgrammeEntities, actorStaffId?: string): Promise<number> {
  const at = ctx.clock.now();
  const completeWith = async (tx: Repositories, write: boolean) =>
    (await completeDetailsWith(tx, programme, { at, actorStaffId, write })) + (await completeCoverageWith(tx, programme, at, write));
  if ((await completeWith(ctx.store.repositories, false)) === 0) return 0;
  return ctx.store.transaction((tx) => completeWith(tx, true));
}

/** The plan records, new bodies and missing fields `completeProgrammeData` adds, counted; written only when `write` is set. */
async function completeDetailsWith(
  tx: Repositories,
  programme: ProgrammeEntities,
  options: { at: Date; actorStaffId: string | undefined; write: boolean },
): Promise<number> {
  const { at, actorStaffId, write } = options;
  let written = 0;
  const add = async (entityType: string, before: object | undefined, after: { id: string }, store: () => Promise<unknown>) => {
    written += 1;
    if (!write) return;
    await store();
    await tx.audit.record({ entityType, entityId: after.id, action: 'import.completed', actorStaffId, at, before, after });
  };
  for (const plan of programme.plans) {
    if (!(await tx.plans.get(plan.id))) await add('plan', undefined, plan, () => tx.plans.upsert(plan));
  }
  const missing = <T extends object>(stored: T, imported: T, keys: readonly (keyof T)[]): T | undefined => {
    const added = keys.filter((key) => stored[key] === undefined && imported[key] !== undefined);
    return added.length === 0 ? undefined : { ...stored, ...Object.fromEntries(added.map((key) => [key, imported[key]])) };
  };
  const bodies = new Map(programme.bodies.map((body) => [body.id, body]));
  const storedBodies = await tx.bodies.list();
  // Bodies added to the file since (the hearings and the exchange meeting) are created.
  for (const body of programme.bodies.filter((candidate) => !storedBodies.some((stored) => stored.id === candidate.id))) {
    await add('body', undefined, body, () => tx.bodies.upsert(body));
  }
  for (const body of storedBodies) {
    const imported = bodies.get(body.id);
    const completed = imported && missing(body, imported, ['guideline', 'effectiveFrom', 'purpose', 'remit', 'remitSource']);
    if (completed) await add('body', body, completed, () => tx.bodies.upsert(completed));
  }
  const teams = new Map(programme.projectTeams.map((team) => [team.id, team]));
  for (const team of await tx.projectTeams.list()) {
    const imported = teams.get(team.id);
    const completed = imported && missing(team, imported, ['topicLeads']);
    if (completed) await add('projectTeam', team, completed, () => tx.projectTeams.upsert(completed));
  }
  const practices = new Map(programme.practices.map((practice) => [practice.id, practice]));
  for (const practice of await tx.practices.list()) {
    const imported = practices.get(practice.id);
    const completed = imported && missing(practice, imported, ['status']);
    if (completed) await add('practice', practice, completed, () => tx.practices.upsert(completed));
  }
  return written;
}

/** The team rules, unit coverage and printed names `completeProgrammeData` adds, counted; written only when `write` is set. */
async function completeCoverageWith(
  tx: Repositories,
  programme: Pick<ProgrammeEntities, 'units' | 'projectTeams' | 'teamRules'>,
  at: Date,
  write: boolean,
): Promise<number> {
  let changed = 0;
  for (const { fiscalYear, rules } of programme.teamRules) {
    if (await tx.recruitment.getTeamRules(fiscalYear)) continue;
    changed += 1;
    if (!write) continue;
    await tx.recruitment.upsertTeamRules(fiscalYear, rules);
    await tx.audit.record({ entityType: 'teamRules', entityId: `fy${fiscalYear}`, action: 'import.created', at, after: rules });
  }
  const fileCoverage = new Map(programme.units.filter((unit) => unit.covers).map((unit) => [unit.id, unit.covers]));
  const units: Unit[] = [];
  for (const stored of await tx.units.list()) {
    const covers = fileCoverage.get(stored.id);
    const unit = covers && !stored.covers ? { ...stored, covers } : stored;
    units.push(unit);
    if (unit === stored) continue;
    changed += 1;
    if (!write) continue;
    await tx.units.upsert(unit);
    await tx.audit.record({ entityType: 'unit', entityId: unit.id, action: 'import.updated', at, before: stored, after: unit });
  }
  const filePrinted = new Map(programme.projectTeams.filter((team) => team.printedNames).map((team) => [team.id, team.printedNames]));
  for (const stored of await tx.projectTeams.list()) {
    const printedNames = stored.printedNames ?? filePrinted.get(stored.id);
    const team = withExpectedUnits(printedNames ? { ...stored, printedNames } : stored, units);
    if (sameMembers(team.expectedUnitIds, stored.expectedUnitIds) && JSON.stringify(team.printedNames) === JSON.stringify(stored.printedNames)) continue;
    changed += 1;
    if (!write) continue;
    await tx.projectTeams.upsert(team);
    await tx.audit.record({ entityType: 'projectTeam', entityId: team.id, action: 'import.updated', at, before: stored, after: team });
  }
  return changed;
}

function sameMembers(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((id) => b.includes(id));
}
