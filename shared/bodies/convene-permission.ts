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
