import { DomainError, DomainErrors } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import {
  assertAcceptingApplications,
  replaceApplication,
  settleApplication,
  validateMotivation,
  type Application,
  type ApplicationVersion,
} from '../recruitment/recruitment.js';
import { assertMayApplyAs } from '../recruitment/role-eligibility.js';
import { checkTeamComposition, type TeamRole, type TeamSeat } from '../recruitment/team-composition.js';
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
    assertMayApplyAs(applicant.grade, input.desiredRole);
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
    await tx.audit.record({ entityType: 'recruitment', entityId: project.id, action: 'replaceApplication', actorStaffId: applicant.id, at: now, before: existing, after: application });
    return { application, replaced: existing };
  });
}

/**
 * Saves the team the secretariat built. Grades are read from the directory; every violated
 * composition rule is reported at once and nothing is saved until all pass. In the same
 * transaction each application becomes `selected` or `notSelected`, so applicants can be told.
 */
export async function saveRecruitmentTeam(
  ctx: UseCaseContext,
  secretariat: Staff,
  input: { projectId: string; seats: readonly { staffId: string; role: TeamRole }[] },
): Promise<TeamSeat[]> {
  return ctx.store.transaction(async (tx) => {
    await assertSecretariat(tx, secretariat);
    const project = await tx.recruitment.getProject(input.projectId);
    if (!project) throw new DomainError('recruitment.notFound');
    const seats: TeamSeat[] = [];
    for (const seat of input.seats) {
      const person = await tx.staff.get(seat.staffId);
      if (!person) throw new DomainError('staff.notFound', { id: seat.staffId });
      seats.push({ staffId: person.id, displayName: person.displayName, grade: person.grade, role: seat.role });
    }
    const violations = checkTeamComposition(seats);
    if (violations.length) throw new DomainErrors(violations);
    await tx.recruitment.saveTeam(project.id, seats);
    const now = ctx.clock.now();
    await tx.recruitment.upsertProject({ ...project, status: 'teamFormed' });
    await tx.audit.record({ entityType: 'recruitment', entityId: project.id, action: 'saveTeam', actorStaffId: secretariat.id, at: now, before: project, after: seats });
    const seated = new Set(seats.map((seat) => seat.staffId));
    const settled: { staffId: string; state: Application['state'] }[] = [];
    for (const application of await tx.recruitment.listApplications(project.id)) {
      const outcome = settleApplication(application, seated);
      if (outcome.state === application.state) continue;
      await tx.recruitment.updateApplication(outcome);
      settled.push({ staffId: outcome.staffId, state: outcome.state });
      // Every applicant whose outcome is new hears it: seated (with the role) or not.
      await notifyPerson(ctx, tx, outcome.staffId, { type: 'recruitmentOutcome', projectId: project.id, applicationId: outcome.id });
    }
    if (settled.length) {
      await tx.audit.record({ entityType: 'recruitment', entityId: project.id, action: 'settleApplications', actorStaffId: secretariat.id, at: now, after: settled });
    }
    return seats;
  });
}
