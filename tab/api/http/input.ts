import { z } from 'zod';
import { DomainError } from '../../../shared/domain-error.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import { identityRefusal } from '../../../shared/use-cases/staff-identity.js';
import type { Viewer } from '../auth/viewer.js';
import { HttpProblem } from './error-response.js';

/** Ids in paths and bodies: short, no slashes or spaces (records are keyed by them). */
export const idSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/);

/** Parses a path parameter; a malformed id is simply not found. */
export function pathId(params: Readonly<Record<string, string | undefined>>, name: string): string {
  const parsed = idSchema.safeParse(params[name]);
  if (!parsed.success) throw new HttpProblem(404, 'notFound');
  return parsed.data;
}

/**
 * The caller's directory entry. An account the directory does not know may read but not act, and
 * is told why and whom to ask, in the same words as the bot.
 */
export function requireStaff(viewer: Viewer): Staff {
  if (viewer.identity.kind !== 'staff') throw identityRefusal(viewer.identity);
  return viewer.identity.staff;
}

/** Programme secretariat (HQ 庶務) or administrator, as `assertSecretariat` in the use cases. */
export function requireReviewer(viewer: Viewer): Staff {
  const staff = requireStaff(viewer);
  if (!viewer.roles.secretariat && !viewer.roles.admin) throw new DomainError('auth.forbidden');
  return staff;
}
