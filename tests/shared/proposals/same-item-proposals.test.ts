import { describe, expect, it } from 'vitest';
import type { Proposal, ProposalState } from '../../../shared/proposals/proposal.js';
import { sameItemProposals } from '../../../shared/proposals/same-item-proposals.js';

const at = new Date('2024-05-10T01:00:00Z');
const proposal = (id: string, relatedItemKey: string | undefined, state: ProposalState = 'submitted'): Proposal => ({
  id,
  callId: 'c',
  track: 'individual',
  authorStaffId: 's',
  state,
  title: id,
  summary: '',
  expectedEffect: '',
  relatedItemKey,
  createdAt: at,
  updatedAt: at,
});

describe('proposals on the same plan item', () => {
  it('pairs each proposal with the others on its item, whatever their review state', () => {
    const others = sameItemProposals([proposal('a', '1-4'), proposal('b', '1-4', 'acceptedNextYear'), proposal('c', '2-24')]);
    expect(others.get('a')?.map((other) => other.id)).toEqual(['b']);
    expect(others.get('b')?.map((other) => other.id)).toEqual(['a']);
    expect(others.get('c')).toEqual([]);
  });

  it('leaves out drafts, withdrawn proposals and proposals naming no item', () => {
    const others = sameItemProposals([
      proposal('a', '1-4'),
      proposal('draft', '1-4', 'draft'),
      proposal('gone', '1-4', 'withdrawn'),
      proposal('none', undefined),
    ]);
    expect(others.get('a')).toEqual([]);
    expect(others.has('draft') || others.has('gone') || others.has('none')).toBe(false);
  });
});
