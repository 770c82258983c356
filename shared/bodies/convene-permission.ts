import type { Staff } from '../organisation/staff.js';
import type { Body } from './body.js';

/** On what authority a person may convene a body; `undefined` when they may not. */
export type ConveneAuthority = 'chair' | 'secretariatOnChairsBehalf';

/**
 * HQ is convened by its chair, or by the 庶務 secretariat (政策企画課) on the chair's behalf;
 * the promotion council only by its 議長; a PT by its secretariat units.
 */
export function conveneAuthority(body: Body, staff: Staff): ConveneAuthority | undefined {
  const chair = body.roster.find((entry) => entry.role === 'chair');
  if (chair && staff.postId === chair.postId) return 'chair';
  if (body.secretariatMayConvene && staff.unitId && body.secretariatUnitIds.includes(staff.unitId)) {
    return 'secretariatOnChairsBehalf';
  }
  return undefined;
}

/** True when the person works in one of the body's secretariat units. */
export function isSecretariatOf(body: Body, staff: Staff): boolean {
  return staff.unitId !== undefined && body.secretariatUnitIds.includes(staff.unitId);
}

/**
 * Who follows a meeting's answers (the tally, the unanswered reminder): whoever may convene the
 * body, its secretariat (the council's 庶務 too, though it does not convene), and administrators.
 */
export function mayFollowAttendance(body: Body, staff: Staff): boolean {
  return conveneAuthority(body, staff) !== undefined || isSecretariatOf(body, staff) || staff.appRoles.includes('admin');
}

/**
 * The body a convene form starts on, among those offered: the one the person chairs (the
 * council's 議長 gets 推進会議 although, as 政策企画課, they may also convene HQ), else HQ, else the first.
 */
export function defaultConveneBody<B extends Body>(offered: readonly B[], staff: Staff | undefined): B | undefined {
  const chaired = staff?.postId ? offered.find((body) => body.roster.some((entry) => entry.role === 'chair' && entry.postId === staff.postId)) : undefined;
  return chaired ?? offered.find((body) => body.kind === 'hq') ?? offered[0];
}
