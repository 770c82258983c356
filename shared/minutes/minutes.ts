import { DomainError } from '../domain-error.js';
import type { Meeting } from '../meetings/meeting.js';
import type { Decision } from '../proposals/proposal.js';
import type { IsoDate } from '../time/index.js';

/** How a member took part, as the secretariat records it after the meeting (from the answers, corrected). */
export type AttendanceMark = 'present' | 'absent' | 'proxy';
export const ATTENDANCE_MARKS: readonly AttendanceMark[] = ['present', 'absent', 'proxy'];

export interface AttendanceRecord {
  readonly staffId: string;
  readonly mark: AttendanceMark;
  /** Who attended in the member's place (代理出席). */
  readonly proxyName?: string | undefined;
}

/** The discussion of one agenda item (議事の概要), by the item's position in the agenda as issued. */
export interface AgendaSummary {
  readonly agendaIndex: number;
  readonly summary: string;
}

/**
 * What a decision decides:
 * - `proposal`: a proposal's review outcome, applied when the minutes are confirmed;
 * - `pt`: a PT's direction, or a report the body asks of it; shown on the PT's page;
 * - `schedule`: the programme's schedule;
 * - `general`: anything else.
 */
export type DecisionSubject =
  | { readonly kind: 'proposal'; readonly proposalId: string; readonly outcome: Decision }
  | { readonly kind: 'pt'; readonly ptId: string; readonly concern: 'direction' | 'reportRequested' }
  | { readonly kind: 'schedule' }
  | { readonly kind: 'general' };

/** Who answers for an action item: a person, or a unit (課) as a whole. */
export type ActionOwner = { readonly kind: 'staff'; readonly staffId: string } | { readonly kind: 'unit'; readonly unitId: string };

/** An action item (宿題・対応事項) a decision asks for; it becomes a tracked item once the minutes are confirmed. */
export interface PlannedAction {
  readonly title: string;
  readonly owner: ActionOwner;
  readonly dueOn: IsoDate;
}

export interface MeetingDecision {
  readonly id: string;
  /** The agenda item it was taken under, when it belongs to one. */
  readonly agendaIndex?: number | undefined;
  readonly text: string;
  readonly subject: DecisionSubject;
  readonly actions: readonly PlannedAction[];
}

/**
 * The minutes of one meeting (議事録). The secretariat drafts them; the chair, or whoever presided
 * in the chair's place, confirms them, after which they are read-only and visible to members.
 */
export interface Minutes {
  readonly meetingId: string;
  readonly bodyId: string;
  readonly status: 'draft' | 'confirmed';
  readonly attendance: readonly AttendanceRecord[];
  /** Guests (art. 4(2), 5(4)) who did attend, by name as on the convocation. */
  readonly guestsPresent: readonly string[];
  readonly summaries: readonly AgendaSummary[];
  readonly decisions: readonly MeetingDecision[];
  readonly updatedAt: Date;
  readonly updatedByStaffId: string;
  readonly confirmedAt?: Date | undefined;
  readonly confirmedByStaffId?: string | undefined;
}

/** What the secretariat writes; the rest of {@link Minutes} is kept by the app. */
export type MinutesContent = Pick<Minutes, 'attendance' | 'guestsPresent' | 'summaries' | 'decisions'>;

export const MINUTES_LIMITS = {
  summary: 4000,
  decisionText: 1000,
  actionTitle: 200,
  proxyName: 100,
  decisions: 50,
  actionsPerDecision: 20,
} as const;

/** Minutes are written after a meeting was held: convened (or marked held) and started. */
export function assertMinutesMayBeWritten(meeting: Meeting, now: Date): void {
  if (meeting.status !== 'convened' && meeting.status !== 'held') throw new DomainError('minutes.meetingNotHeld', { status: meeting.status });
  if (meeting.startsAt.getTime() > now.getTime()) throw new DomainError('minutes.meetingNotHeld', { status: meeting.status });
}

/**
 * Checks content against the meeting it records: agenda positions that exist, people and guests
 * who were expected, lengths within the limits, each decision once. Throws the first problem.
 */
export function validateMinutesContent(content: MinutesContent, meeting: Meeting, expectedStaffIds: ReadonlySet<string>): void {
  const agendaOk = (index: number | undefined) => index === undefined || (Number.isInteger(index) && index >= 0 && index < meeting.agenda.length);
  const seen = new Set<string>();
  for (const record of content.attendance) {
    if (!expectedStaffIds.has(record.staffId) || seen.has(record.staffId))
      throw new DomainError('minutes.unknownAttendee', { id: record.staffId }, 'attendance');
    seen.add(record.staffId);
    if (record.mark === 'proxy' && !record.proxyName?.trim()) throw new DomainError('minutes.proxyNameRequired', {}, 'attendance');
    if ((record.proxyName?.length ?? 0) > MINUTES_LIMITS.proxyName)
      throw new DomainError('minutes.fieldTooLong', { field: 'proxyName', max: MINUTES_LIMITS.proxyName }, 'proxyName');
  }
  const guests = new Set(meeting.guests.map((guest) => guest.name));
  for (const name of content.guestsPresent) if (!guests.has(name)) throw new DomainError('minutes.unknownGuest', { name }, 'guestsPresent');
  const summarised = new Set<number>();
  for (const summary of content.summaries) {
    if (!agendaOk(summary.agendaIndex) || summarised.has(summary.agendaIndex)) throw new DomainError('minutes.unknownAgendaItem', {}, 'summaries');
    summarised.add(summary.agendaIndex);
    if (summary.summary.length > MINUTES_LIMITS.summary)
      throw new DomainError('minutes.fieldTooLong', { field: 'summary', max: MINUTES_LIMITS.summary }, 'summary');
  }
  if (content.decisions.length > MINUTES_LIMITS.decisions)
    throw new DomainError('minutes.tooMany', { field: 'decisions', max: MINUTES_LIMITS.decisions }, 'decisions');
  const decisionIds = new Set<string>();
  const decidedProposals = new Set<string>();
  for (const decision of content.decisions) {
    if (decisionIds.has(decision.id)) throw new DomainError('minutes.duplicateDecision', {}, 'decisions');
    decisionIds.add(decision.id);
    if (!agendaOk(decision.agendaIndex)) throw new DomainError('minutes.unknownAgendaItem', {}, 'decisions');
    if (!decision.text.trim()) throw new DomainError('minutes.fieldRequired', { field: 'decisionText' }, 'decisionText');
    if (decision.text.length > MINUTES_LIMITS.decisionText)
      throw new DomainError('minutes.fieldTooLong', { field: 'decisionText', max: MINUTES_LIMITS.decisionText }, 'decisionText');
    if (decision.subject.kind === 'proposal') {
      if (decidedProposals.has(decision.subject.proposalId)) throw new DomainError('minutes.duplicateDecision', {}, 'decisions');
      decidedProposals.add(decision.subject.proposalId);
    }
    if (decision.actions.length > MINUTES_LIMITS.actionsPerDecision)
      throw new DomainError('minutes.tooMany', { field: 'actions', max: MINUTES_LIMITS.actionsPerDecision }, 'actions');
    for (const action of decision.actions) {
      if (!action.title.trim()) throw new DomainError('minutes.fieldRequired', { field: 'actionTitle' }, 'actionTitle');
      if (action.title.length > MINUTES_LIMITS.actionTitle)
        throw new DomainError('minutes.fieldTooLong', { field: 'actionTitle', max: MINUTES_LIMITS.actionTitle }, 'actionTitle');
    }
  }
}

/** Confirmed minutes are the record: nothing in them changes any more. */
export function assertDraft(minutes: Minutes): void {
  if (minutes.status === 'confirmed') throw new DomainError('minutes.confirmed');
}

/** Attendance as the answers give it, for the secretariat to correct: unanswered members start as absent. */
export function attendanceFromAnswers(
  expected: readonly string[],
  answers: ReadonlyMap<string, { readonly response: 'attend' | 'absent' | 'proxy'; readonly proxyName?: string | undefined }>,
): AttendanceRecord[] {
  return expected.map((staffId) => {
    const answer = answers.get(staffId);
    if (answer?.response === 'attend') return { staffId, mark: 'present' };
    if (answer?.response === 'proxy') return { staffId, mark: 'proxy', proxyName: answer.proxyName };
    return { staffId, mark: 'absent' };
  });
}
