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
}

export type ApplicationState = 'applied' | 'withdrawn' | 'selected' | 'notSelected';

/** An application; the grade is copied from the directory when the person applies. */
export interface Application {
  readonly id: string;
  readonly projectId: string;
  readonly staffId: string;
  readonly desiredRole: TeamRole;
  readonly motivation: string;
  readonly gradeAtApplication: Grade;
  readonly state: ApplicationState;
  readonly appliedAt: Date;
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
