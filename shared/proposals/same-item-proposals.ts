import type { Proposal } from './proposal.js';

/**
 * For each proposal, the other proposals that name the same plan item: a reviewer's hint that
 * two sections may be proposing the same thing. Withdrawn proposals and drafts are left out.
 */
export function sameItemProposals(proposals: readonly Proposal[]): ReadonlyMap<string, readonly Proposal[]> {
  const byItem = new Map<string, Proposal[]>();
  for (const proposal of proposals) {
    if (!proposal.relatedItemKey || proposal.state === 'withdrawn' || proposal.state === 'draft') continue;
    byItem.set(proposal.relatedItemKey, [...(byItem.get(proposal.relatedItemKey) ?? []), proposal]);
  }
  const others = new Map<string, readonly Proposal[]>();
  for (const group of byItem.values()) {
    for (const proposal of group)
      others.set(
        proposal.id,
        group.filter((other) => other.id !== proposal.id),
      );
  }
  return others;
}
