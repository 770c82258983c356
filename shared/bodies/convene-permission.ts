import type { Staff } from '../organisation/staff.js';
import type { Body } from './body.js';
import { rankedViceChairs } from './acting-chair.js';
import { isPostAbsentAt, isPostVacantAt, type PostAbsence } from './post-absence.js';

/**
 * On what authority a person may convene (issue a convocation, decide its guests); `undefined`
 * when they may not.
 * - `chair`: holds the chair post (本部長 / 議長) and it is neither absent nor vacant;
 * - `actingChair`: HQ only, the 1st-rank vice-chair (第1順位の副区長) while the chair post is
 *   absent or vacant (要綱 art. 3(3)(4));
 * - `secretariat`: a PT's secretariat unit (PTs are convened by their 事務局).
 */
export type ConveneAuthority = 'chair' | 'actingChair' | 'secretariat';

/** The facts convening depends on: recorded absences of posts and the instant of the act. */
export interface ConveneSituation {
  readonly absences: readonly PostAbsence[];
  readonly at: Date;
}

const NO_ABSENCES: ConveneSituation = { absences: [], at: new Date(0) };

/** HQ and the promotion council are convened by their chairs; the secretariat only prepares (art. 4, 5(3), 7). */
export function isChairConvenedBody(body: Body): boolean {
  return body.kind === 'hq' || body.kind === 'council';
}

/**
 * The post whose holder convenes at `situation.at`: the chair post, or for HQ while it is absent
 * or vacant the 1st-rank vice-chair's post (when that one is not absent itself). The council's 議長
 * has no deputy in the guidelines (art. 5), so while the 議長 is absent nobody convenes it.
 */
export function convenerPostId(body: Body, situation: ConveneSituation = NO_ABSENCES): { postId: string; basis: 'chair' | 'actingChair' } | undefined {
  const chair = body.roster.find((entry) => entry.role === 'chair');
  if (!chair) return undefined;
  if (!isPostAbsentAt(situation.absences, chair.postId, situation.at)) return { postId: chair.postId, basis: 'chair' };
  if (body.kind !== 'hq') return undefined;
  const first = rankedViceChairs(body)[0];
  if (!first || first.rank !== 1 || isPostAbsentAt(situation.absences, first.postId, situation.at)) return undefined;
  return { postId: first.postId, basis: 'actingChair' };
}

/**
 * Who may convene the body now. HQ: the 本部長, or the acting chair while the 本部長 is absent;
 * the council: its 議長; a PT: its chair post or its secretariat units. Administrators are not
 * conveners of any body (SECURITY.md).
 */
export function conveneAuthority(body: Body, staff: Staff, situation: ConveneSituation = NO_ABSENCES): ConveneAuthority | undefined {
  const convener = convenerPostId(body, situation);
  if (convener && staff.postId === convener.postId && !isPostVacantAt(situation.absences, convener.postId, situation.at)) return convener.basis;
  if (!isChairConvenedBody(body) && body.secretariatMayConvene && isSecretariatOf(body, staff)) return 'secretariat';
  return undefined;
}

/** The 庶務 secretariat of HQ and the council (政策企画課, art. 7) prepares convocations for the chair to issue. */
export function mayPrepareConvocation(body: Body, staff: Staff): boolean {
  return isChairConvenedBody(body) && isSecretariatOf(body, staff);
}

/** True when the person works in one of the body's secretariat units. */
export function isSecretariatOf(body: Body, staff: Staff): boolean {
  return staff.unitId !== undefined && body.secretariatUnitIds.includes(staff.unitId);
}

/**
 * Who follows a meeting's answers (the tally, the unanswered reminder): whoever may convene the
 * body, its secretariat (the council's 庶務 too, though it does not convene), and administrators.
 */
export function mayFollowAttendance(body: Body, staff: Staff, situation: ConveneSituation = NO_ABSENCES): boolean {
  return conveneAuthority(body, staff, situation) !== undefined || isSecretariatOf(body, staff) || staff.appRoles.includes('admin');
}

/**
 * The body a convene form starts on, among those offered: the one the person chairs, else HQ,
 * else the first.
 */
export function defaultConveneBody<B extends Body>(offered: readonly B[], staff: Staff | undefined): B | undefined {
  const chaired = staff?.postId ? offered.find((body) => body.roster.some((entry) => entry.role === 'chair' && entry.postId === staff.postId)) : undefined;
  return chaired ?? offered.find((body) => body.kind === 'hq') ?? offered[0];
}
