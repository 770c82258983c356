import { DomainError, DomainErrors } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import { assertAcceptingApplications, validateMotivation, type Application } from '../recruitment/recruitment.js';
import { checkTeamComposition, type TeamRole, type TeamSeat } from '../recruitment/team-composition.js';
import type { UseCaseContext } from './context.js';
import { assertSecretariat } from './proposal-review.js';

/**
 * Applies for a proposal-based PT as an individual. The grade comes from the directory, not the
 * form; applying twice returns the first application.
 */
export async function applyForRecruitment(
  ctx: UseCaseContext,
  applicant: Staff,
  input: { projectId: string; desiredRole: TeamRole; motivation: string },
): Promise<Application> {
  const motivation = validateMotivation(input.motivation);
  return ctx.store.transaction(async (tx) => {
    const project = await tx.recruitment.getProject(input.projectId);
    if (!project) throw new DomainError('recruitment.notFound');
    const now = ctx.clock.now();
    assertAcceptingApplications(project, now);
    const application = await tx.recruitment.insertApplication({
      id: ctx.newId(),
      projectId: project.id,
      staffId: applicant.id,
      desiredRole: input.desiredRole,
      motivation,
      gradeAtApplication: applicant.grade,
      state: 'applied',
      appliedAt: now,
    });
    await tx.audit.record({ entityType: 'recruitment', entityId: project.id, action: 'apply', actorStaffId: applicant.id, at: now, after: application });
    return application;
  });
}

/**
 * Saves the team the secretariat built. Grades are read from the directory; every violated
 * composition rule is reported at once and nothing is saved until all pass.
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
    return seats;
  });
}
