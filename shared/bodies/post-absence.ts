import { DomainError } from '../domain-error.js';

/**
 * Why a post cannot act: its holder is prevented (`absent`, 事故があるとき) or nobody holds it
 * (`vacant`, 欠けたとき), 要綱 art. 3(3).
 */
export type PostAbsenceKind = 'absent' | 'vacant';

/**
 * A period during which a post cannot act, recorded by the secretariat or an administrator.
 * `until` missing means open-ended (until ended); `endedAt` set means it was ended or withdrawn
 * early and does not apply from that instant on.
 */
export interface PostAbsence {
  readonly id: string;
  readonly postId: string;
  readonly kind: PostAbsenceKind;
  readonly from: Date;
  readonly until?: Date | undefined;
  readonly note?: string | undefined;
  readonly recordedByStaffId: string;
  readonly recordedAt: Date;
  readonly endedAt?: Date | undefined;
  readonly endedByStaffId?: string | undefined;
}

export const POST_ABSENCE_NOTE_MAX = 500;

/** True while the absence applies at `at`: from is inclusive, until and endedAt exclusive. */
export function appliesAt(absence: PostAbsence, at: Date): boolean {
  const t = at.getTime();
  if (t < absence.from.getTime()) return false;
  if (absence.until && t >= absence.until.getTime()) return false;
  if (absence.endedAt && t >= absence.endedAt.getTime()) return false;
  return true;
}

/** Whether post `postId` is absent or vacant at instant `at`. */
export function isPostAbsentAt(absences: readonly PostAbsence[], postId: string, at: Date): boolean {
  return absences.some((absence) => absence.postId === postId && appliesAt(absence, at));
}

/** Whether post `postId` is vacant at `at`: its holder (if the directory still lists one) does not act. */
export function isPostVacantAt(absences: readonly PostAbsence[], postId: string, at: Date): boolean {
  return absences.some((absence) => absence.postId === postId && absence.kind === 'vacant' && appliesAt(absence, at));
}

/** Builds a new absence, checking its period and note. */
export function makePostAbsence(input: Omit<PostAbsence, 'endedAt' | 'endedByStaffId'>): PostAbsence {
  if (Number.isNaN(input.from.getTime())) throw new DomainError('absence.invalidTime', {}, 'from');
  if (input.until && (Number.isNaN(input.until.getTime()) || input.until.getTime() <= input.from.getTime())) {
    throw new DomainError('absence.untilBeforeFrom', {}, 'until');
  }
  const note = input.note?.trim() || undefined;
  if (note && note.length > POST_ABSENCE_NOTE_MAX) throw new DomainError('absence.noteTooLong', { max: POST_ABSENCE_NOTE_MAX }, 'note');
  return { ...input, note };
}

/** Ends an absence at `at` (the chair is back, the post is filled, or it was entered by mistake). */
export function endPostAbsence(absence: PostAbsence, byStaffId: string, at: Date): PostAbsence {
  if (absence.endedAt) throw new DomainError('absence.alreadyEnded');
  return { ...absence, endedAt: at, endedByStaffId: byStaffId };
}
