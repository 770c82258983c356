import { DomainError, DomainErrors } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import type { ProgressReport, ProjectTeam } from '../plan/project-team.js';
import type { Repositories } from '../ports/store.js';
import type { UseCaseContext } from './context.js';

/** The four headings the programme reports PT progress under (体制・スケジュール・進捗・課題), and their limits. */
export const PROGRESS_REPORT_FIELDS = ['structure', 'schedule', 'progress', 'issues'] as const;
export type ProgressReportField = (typeof PROGRESS_REPORT_FIELDS)[number];
export const PROGRESS_REPORT_MAX_LENGTH = 2000;

export interface ProgressReportInput {
  /** Chosen by the form, so a double submit records one report. */
  readonly reportId: string;
  readonly ptId: string;
  /** The meeting the report is given at (HQ, council or the PT's own). */
  readonly meetingId: string;
  readonly structure: string;
  readonly schedule: string;
  readonly progress: string;
  readonly issues: string;
}

/**
 * Who may report a PT's progress: staff of the PT body's secretariat units (事務局), which are
 * the team's own secretariat units, or an administrator.
 */
export async function mayReportProgress(tx: Repositories, staff: Staff, team: ProjectTeam): Promise<boolean> {
  if (staff.appRoles.includes('admin')) return true;
  if (!staff.unitId) return false;
  const body = await tx.bodies.get(team.bodyId);
  return [...(body?.secretariatUnitIds ?? []), ...team.secretariatUnitIds].includes(staff.unitId);
}

function validateReport(input: ProgressReportInput): Record<ProgressReportField, string> {
  const errors: DomainError[] = [];
  const values = {} as Record<ProgressReportField, string>;
  for (const field of PROGRESS_REPORT_FIELDS) {
    const value = (input[field] ?? '').trim();
    if (!value && field === 'progress') errors.push(new DomainError('progress.fieldRequired', { field }, field));
    if (value.length > PROGRESS_REPORT_MAX_LENGTH) errors.push(new DomainError('progress.fieldTooLong', { field, max: PROGRESS_REPORT_MAX_LENGTH }, field));
    values[field] = value;
  }
  if (errors.length) throw new DomainErrors(errors);
  return values;
}

/**
 * Records a PT's progress report (structure, schedule, progress, issues) given at a meeting.
 * Only the PT's secretariat or an administrator may; the meeting must exist and not be cancelled.
 * The form's `reportId` sent again by the same person answers with the first report.
 */
export async function addProgressReport(ctx: UseCaseContext, actor: Staff, input: ProgressReportInput): Promise<ProgressReport> {
  return ctx.store.transaction(async (tx) => {
    const team = await tx.projectTeams.get(input.ptId);
    if (!team) throw new DomainError('projectTeam.notFound');
    if (!(await mayReportProgress(tx, actor, team))) throw new DomainError('auth.forbidden');
    const existing = await tx.projectTeams.getProgressReport(input.reportId);
    if (existing) {
      // The same form sent twice finds its report; the id on another PT's or person's report is taken.
      if (existing.ptId === team.id && existing.authorStaffId === actor.id) return existing;
      throw new DomainError('progress.idInUse', {}, 'reportId');
    }
    const values = validateReport(input);
    const meeting = await tx.meetings.get(input.meetingId);
    if (!meeting) throw new DomainError('meeting.notFound', {}, 'meetingId');
    if (meeting.status === 'cancelled') throw new DomainError('progress.meetingCancelled', {}, 'meetingId');
    const now = ctx.clock.now();
    const report: ProgressReport = { id: input.reportId, ptId: team.id, meetingId: meeting.id, reportedAt: now, authorStaffId: actor.id, ...values };
    await tx.projectTeams.addProgressReport(report);
    await tx.audit.record({ entityType: 'projectTeam', entityId: team.id, action: 'progressReport', actorStaffId: actor.id, at: now, after: report });
    return report;
  });
}
