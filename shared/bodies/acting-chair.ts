import type { Body, RosterEntry } from './body.js';

/**
 * Who presides at a meeting.
 * - `chair`: the chair's post is filled and the holder is present.
 * - `guideline`: the guideline's designated deputy (HQ: the 1st-rank deputy mayor, per the
 *   Local Autonomy Act art. 152(1) order the mayor set).
 * - `outsideGuideline`: a later-ranked vice-chair; legal to propose but the guideline does not
 *   name them, so the secretariat must confirm.
 * - `none`: nobody on the roster can preside.
 */
export type ActingChairBasis = 'chair' | 'guideline' | 'outsideGuideline' | 'none';

export interface PresidingResult {
  readonly postId?: string | undefined;
  readonly basis: ActingChairBasis;
}

/**
 * Decides who presides given which posts are filled and which holders are absent.
 * `isAvailable(postId)` is true when the post has a holder who will attend.
 */
export function whoPresides(body: Body, isAvailable: (postId: string) => boolean): PresidingResult {
  const chair = body.roster.find((entry) => entry.role === 'chair');
  if (chair && isAvailable(chair.postId)) return { postId: chair.postId, basis: 'chair' };

  const deputies = rankedViceChairs(body);
  for (const [index, deputy] of deputies.entries()) {
    if (isAvailable(deputy.postId)) {
      return { postId: deputy.postId, basis: index === 0 && deputy.rank === 1 ? 'guideline' : 'outsideGuideline' };
    }
  }
  return { basis: 'none' };
}

/** Vice-chairs by rank; unranked ones last, in roster order. */
export function rankedViceChairs(body: Body): RosterEntry[] {
  return body.roster
    .filter((entry) => entry.role === 'viceChair')
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.rank ?? Infinity) - (b.entry.rank ?? Infinity) || a.index - b.index)
    .map(({ entry }) => entry);
}
