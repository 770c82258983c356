import { DomainError } from '../domain-error.js';
import type { Grade } from '../organisation/grade.js';
import type { Perspective } from '../proposals/proposal.js';
import type { TeamRole } from './team-composition.js';

/**
 * A selected proposal-based PT theme with its public call for members. Applications are open
 * between `opensAt` and `closesAt`; after that the secretariat builds the team.
 */
export interface RecruitmentProject {
  readonly id: string;
  readonly fiscalYear: number;
  readonly title: string;
  readonly description: string;
  readonly perspective: Perspective;
  readonly themeProposalId?: string | undefined;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly status: 'recruiting' | 'closed' | 'teamFormed';
  readonly demo: boolean;
  /** When the team was formed outside an approximate rule: the secretariat's recorded reason. */
  readonly teamConfirmation?: TeamConfirmation | undefined;
}

export interface TeamConfirmation {
  readonly reason: string;
  /** The codes of the warnings confirmed (e.g. `team.memberCountApproximate`). */
  readonly warnings: readonly string[];
  readonly confirmedBy: string;
  readonly confirmedAt: Date;
}

export type ApplicationState = 'applied' | 'withdrawn' | 'selected' | 'notSelected';

/** What a person asked for at one moment: the role, the motivation and their grade then. */
export interface ApplicationVersion {
  readonly desiredRole: TeamRole;
  readonly motivation: string;
  readonly gradeAtApplication: Grade;
  readonly appliedAt: Date;
}

/**
 * A person's application to one project; the grade is copied from the directory when they apply.
 * One per person and project: applying again replaces the content, and the replaced versions are
 * kept, oldest first, in `earlierVersions`, so the secretariat sees the latest and what it replaced.
 */
export interface Application extends ApplicationVersion {
  readonly id: string;
  readonly projectId: string;
  readonly staffId: string;
  readonly state: ApplicationState;
  readonly earlierVersions?: readonly ApplicationVersion[] | undefined;
}

export const MOTIVATION_MAX_LENGTH = 1000;

/** Applications are taken only while the project recruits and its window is open. */
export function assertAcceptingApplications(project: RecruitmentProject, now: Date): void {
  if (project.status !== 'recruiting' || now.getTime() < project.opensAt.getTime()) {
    throw new DomainError('recruitment.notOpen', { project: project.title });
  }
  if (now.getTime() >= project.closesAt.getTime()) {
    throw new DomainError('recruitment.closed', { project: project.title });
  }
}

export function validateMotivation(text: string | undefined): string {
  const motivation = (text ?? '').trim();
  if (!motivation) throw new DomainError('recruitment.motivationRequired', {}, 'motivation');
  if (motivation.length > MOTIVATION_MAX_LENGTH) {
    throw new DomainError('recruitment.motivationTooLong', { max: MOTIVATION_MAX_LENGTH }, 'motivation');
  }
  return motivation;
}

/** The version an application stands for now (without its history). */
export function currentVersion(application: Application): ApplicationVersion {
  const { desiredRole, motivation, gradeAtApplication, appliedAt } = application;
  return { desiredRole, motivation, gradeAtApplication, appliedAt };
}

/**
 * A new application by someone who applied before: the same record with the new content, applied
 * again, and the version it replaces added to its history.
 */
export function replaceApplication(current: Application, next: ApplicationVersion): Application {
  return { ...current, ...next, state: 'applied', earlierVersions: [...(current.earlierVersions ?? []), currentVersion(current)] };
}

/**
 * An application once the team is saved: `selected` when the person holds a seat, `notSelected`
 * otherwise; a withdrawn application stays withdrawn.
 */
export function settleApplication(application: Application, seatedStaffIds: ReadonlySet<string>): Application {
  if (application.state === 'withdrawn') return application;
  return { ...application, state: seatedStaffIds.has(application.staffId) ? 'selected' : 'notSelected' };
}
