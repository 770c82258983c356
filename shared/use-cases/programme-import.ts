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
    await write('plan', programme.plans, await tx.plans.list(), (plan) => tx.plans.upsert(plan));
    for (const { fiscalYear, rules } of programme.teamRules) {
      const before = await tx.recruitment.getTeamRules(fiscalYear);
      const outcome = await tx.recruitment.upsertTeamRules(fiscalYear, rules);
      summary[outcome] += 1;
      if (outcome !== 'unchanged') await tx.audit.record({ entityType: 'teamRules', entityId: `fy${fiscalYear}`, action: `import.${outcome}`, actorStaffId, at, before, after: rules });
    }
    return summary;
  });
}

/**
 * Brings a database imported before the plan record existed up to date, without re-importing:
 * writes the plan records that are missing and adds, to stored bodies, PTs and practices, only
 * the fields they lack (所掌事項, purpose, effective date, topic leads, practice status), and the
 * bodies the file has gained (the events). Anything
 * an administrator changed stays as it is. One transaction; running it again changes nothing.
 */
export async function completeProgrammeDetails(ctx: UseCaseContext, programme: ProgrammeEntities, actorStaffId?: string): Promise<number> {
  return ctx.store.transaction(async (tx) => {
    const at = ctx.clock.now();
    let written = 0;
    const audit = async (entityType: string, before: object | undefined, after: { id: string }) => {
      written += 1;
      await tx.audit.record({ entityType, entityId: after.id, action: 'import.completed', actorStaffId, at, before, after });
    };
    for (const plan of programme.plans) {
      if (!(await tx.plans.get(plan.id)) && (await tx.plans.upsert(plan)) !== 'unchanged') await audit('plan', undefined, plan);
    }
    const missing = <T extends object>(stored: T, imported: T, keys: readonly (keyof T)[]): T | undefined => {
      const added = keys.filter((key) => stored[key] === undefined && imported[key] !== undefined);
      return added.length === 0 ? undefined : { ...stored, ...Object.fromEntries(added.map((key) => [key, imported[key]])) };
    };
    const bodies = new Map(programme.bodies.map((body) => [body.id, body]));
    const storedBodies = await tx.bodies.list();
    // Bodies added to the file since (the hearings and the exchange meeting) are created.
    for (const body of programme.bodies.filter((candidate) => !storedBodies.some((stored) => stored.id === candidate.id))) {
      if ((await tx.bodies.upsert(body)) !== 'unchanged') await audit('body', undefined, body);
    }
    for (const body of storedBodies) {
      const imported = bodies.get(body.id);
      const completed = imported && missing(body, imported, ['guideline', 'effectiveFrom', 'purpose', 'remit', 'remitSource']);
      if (completed && (await tx.bodies.upsert(completed)) !== 'unchanged') await audit('body', body, completed);
    }
    const teams = new Map(programme.projectTeams.map((team) => [team.id, team]));
    for (const team of await tx.projectTeams.list()) {
      const imported = teams.get(team.id);
      const completed = imported && missing(team, imported, ['topicLeads']);
      if (completed && (await tx.projectTeams.upsert(completed)) !== 'unchanged') await audit('projectTeam', team, completed);
    }
    const practices = new Map(programme.practices.map((practice) => [practice.id, practice]));
    for (const practice of await tx.practices.list()) {
      const imported = practices.get(practice.id);
      const completed = imported && missing(practice, imported, ['status']);
      if (completed && (await tx.practices.upsert(completed)) !== 'unchanged') await audit('practice', practice, completed);
    }
    return written;
  });
}

/**
 * Brings a database imported before team rules and unit coverage were kept up to date, and keeps
 * it so: team rules missing for a fiscal year are written from the file; the file's coverage
 * rules are added to the stored units that lack them, and its printed names to the teams that
 * lack them; every stored team's expected units are
 * derived again from the stored organisation. Nothing a person edited (a team's resolved units,
 * a renamed unit, re-imported rules) is overwritten. Returns how many records changed.
 */
export async function completeProgrammeData(ctx: UseCaseContext, programme: Pick<ProgrammeEntities, 'units' | 'projectTeams' | 'teamRules'>): Promise<number> {
  // A complete database is only read: a start writes nothing when there is nothing to add.
  if ((await completeWith(ctx.store.repositories, programme, ctx.clock.now(), false)) === 0) return 0;
  return ctx.store.transaction((tx) => completeWith(tx, programme, ctx.clock.now(), true));
}

/** What `completeProgrammeData` adds, counted; written only when `write` is set. */
async function completeWith(tx: Repositories, programme: Pick<ProgrammeEntities, 'units' | 'projectTeams' | 'teamRules'>, at: Date, write: boolean): Promise<number> {
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
