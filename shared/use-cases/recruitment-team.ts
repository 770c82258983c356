import { DomainError, DomainErrors } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import {
  assertAcceptingApplications,
  replaceApplication,
  settleApplication,
  validateMotivation,
  type Application,
  type ApplicationVersion,
  type RecruitmentProject,
} from '../recruitment/recruitment.js';
import { assertMayApplyAs } from '../recruitment/role-eligibility.js';
import { checkTeamComposition, type TeamRole, type TeamRules, type TeamSeat } from '../recruitment/team-composition.js';
import type { Repositories } from '../ports/store.js';
import { formatDateTime } from '../time/reiwa.js';
import type { UseCaseContext } from './context.js';
import { notifyPerson } from './personal-notices.js';
import { assertSecretariat } from './proposal-review.js';

/** What an application did: the application as stored, and the one it replaced, if any. */
export interface ApplicationOutcome {
  readonly application: Application;
  /** The person's earlier application to the same project, now replaced (kept in its history). */
  readonly replaced?: Application | undefined;
}

/**
 * Applies for a proposal-based PT as an individual. The grade comes from the directory, not the
 * form, and must be one the desired role admits (the team rules). Applying again to the same
 * project replaces the earlier application, which stays in its history and in the audit log.
 */
export async function applyForRecruitment(
  ctx: UseCaseContext,
  applicant: Staff,
  input: { projectId: string; desiredRole: TeamRole; motivation: string },
): Promise<ApplicationOutcome> {
  const motivation = validateMotivation(input.motivation);
  return ctx.store.transaction(async (tx) => {
    const project = await tx.recruitment.getProject(input.projectId);
    if (!project) throw new DomainError('recruitment.notFound');
    const now = ctx.clock.now();
    assertAcceptingApplications(project, now);
    assertMayApplyAs(applicant.grade, input.desiredRole, await teamRulesFor(tx, project.fiscalYear));
    const version: ApplicationVersion = { desiredRole: input.desiredRole, motivation, gradeAtApplication: applicant.grade, appliedAt: now };
    let existing = await tx.recruitment.findApplication(project.id, applicant.id);
    if (!existing) {
      const created: Application = { id: ctx.newId(), projectId: project.id, staffId: applicant.id, ...version, state: 'applied' };
      const stored = await tx.recruitment.insertApplication(created);
      if (stored.id === created.id) {
        await tx.audit.record({ entityType: 'recruitment', entityId: project.id, action: 'apply', actorStaffId: applicant.id, at: now, after: created });
        return { application: created };
      }
      // Another request by the same person got there first: this one replaces it.
      existing = stored;
    }
    const application = replaceApplication(existing, version);
    await tx.recruitment.updateApplication(application);
    await tx.audit.record({
      entityType: 'recruitment',
      entityId: project.id,
      action: 'replaceApplication',
      actorStaffId: applicant.id,
      at: now,
      before: existing,
      after: application,
    });
    return { application, replaced: existing };
  });
}

/** The longest reason the secretariat may record for a confirmation or an exception. */
export const TEAM_REASON_MAX_LENGTH = 500;

/** The team rules of a fiscal year, as the programme states them (stored by the programme import). */
export async function teamRulesFor(tx: Repositories, fiscalYear: number): Promise<TeamRules> {
  const rules = await tx.recruitment.getTeamRules(fiscalYear);
  if (!rules) throw new DomainError('team.rulesMissing', { fiscalYear });
  return rules;
}

export interface TeamInput {
  readonly projectId: string;
  /** `exceptionReason`: why someone who did not apply, or withdrew, takes the seat. */
  readonly seats: readonly { staffId: string; role: TeamRole; exceptionReason?: string | undefined }[];
  /** The secretariat's reason for forming a team outside an approximate rule (「３名～５名程度」). */
  readonly confirmationReason?: string | undefined;
}

/**
 * Saves the team the secretariat built, once the public call has closed (５（５）: members come
 * from the 公募). Grades are read from the directory and the rules from the stored programme.
 * Every seat goes to an applicant unless a reason is recorded for the exception; a team outside
 * an approximate range needs a recorded reason too. Every refusal is reported at once and nothing
 * is saved until all pass. In the same transaction each application becomes `selected` or
 * `notSelected`, so applicants can be told.
 */
export async function saveRecruitmentTeam(ctx: UseCaseContext, secretariat: Staff, input: TeamInput): Promise<TeamSeat[]> {
  return ctx.store.transaction(async (tx) => {
    await assertSecretariat(tx, secretariat);
    const project = await tx.recruitment.getProject(input.projectId);
    if (!project) throw new DomainError('recruitment.notFound');
    const now = ctx.clock.now();
    if (now.getTime() < project.closesAt.getTime()) {
      throw new DomainError('team.recruitmentOpen', {
        project: project.title,
        closes: formatDateTime(project.closesAt, 'ja'),
        closesEn: formatDateTime(project.closesAt, 'en'),
      });
    }
    const rules = await teamRulesFor(tx, project.fiscalYear);
    const applications = await tx.recruitment.listApplications(project.id);
    const applied = new Set(applications.filter((application) => application.state !== 'withdrawn').map((application) => application.staffId));
    const refusals: DomainError[] = [];
    const seats: TeamSeat[] = [];
    for (const seat of input.seats) {
      const person = await tx.staff.get(seat.staffId);
      if (!person) throw new DomainError('staff.notFound', { id: seat.staffId });
      const exceptionReason = applied.has(person.id) ? undefined : recordedReason(seat.exceptionReason);
      if (!applied.has(person.id) && !exceptionReason) refusals.push(new DomainError('team.notAnApplicant', { name: person.displayName }));
      seats.push({
        staffId: person.id,
        displayName: person.displayName,
        grade: person.grade,
        role: seat.role,
        ...(exceptionReason ? { exceptionReason } : {}),
      });
    }
    const check = checkTeamComposition(seats, rules);
    refusals.push(...check.errors);
    const confirmationReason = recordedReason(input.confirmationReason);
    if (check.warnings.length && !confirmationReason) refusals.push(new DomainError('team.confirmationRequired', {}, 'confirmationReason'), ...check.warnings);
    if (refusals.length) throw new DomainErrors(refusals);
    await tx.recruitment.saveTeam(project.id, seats);
    const confirmation = check.warnings.length
      ? { reason: confirmationReason!, warnings: check.warnings.map((warning) => warning.code), confirmedBy: secretariat.id, confirmedAt: now }
      : undefined;
    // A team saved again within the rules drops an earlier confirmation: it no longer applies.
    const formed: RecruitmentProject = { ...project, status: 'teamFormed', teamConfirmation: confirmation };
    await tx.recruitment.upsertProject(formed);
    await tx.audit.record({
      entityType: 'recruitment',
      entityId: project.id,
      action: 'saveTeam',
      actorStaffId: secretariat.id,
      at: now,
      before: project,
      after: { seats, confirmation },
    });
    const seated = new Set(seats.map((seat) => seat.staffId));
    const settled: { staffId: string; state: Application['state'] }[] = [];
    for (const application of applications) {
      const outcome = settleApplication(application, seated);
      if (outcome.state === application.state) continue;
      await tx.recruitment.updateApplication(outcome);
      settled.push({ staffId: outcome.staffId, state: outcome.state });
      // Every applicant whose outcome is new hears it: seated (with the role) or not.
      await notifyPerson(ctx, tx, outcome.staffId, { type: 'recruitmentOutcome', projectId: project.id, applicationId: outcome.id });
    }
    if (settled.length) {
      await tx.audit.record({
        entityType: 'recruitment',
        entityId: project.id,
        action: 'settleApplications',
        actorStaffId: secretariat.id,
        at: now,
        after: settled,
      });
    }
    return seats;
  });
}

/** A reason as recorded: trimmed, at most `TEAM_REASON_MAX_LENGTH` characters; blank is none. */
function recordedReason(text: string | undefined): string | undefined {
  const reason = text?.trim();
  if (!reason) return undefined;
  if (reason.length > TEAM_REASON_MAX_LENGTH) throw new DomainError('team.reasonTooLong', { max: TEAM_REASON_MAX_LENGTH });
  return reason;
}
