import { isTrackOpen, type ProposalCall } from '../../../shared/calls/proposal-call.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import type { Unit } from '../../../shared/organisation/unit.js';
import type { Proposal } from '../../../shared/proposals/proposal.js';
import type { ProposalDto, ReviewProposalDto } from '../../web/models/api-contract.js';

export interface ProposalLookups {
  readonly calls: ReadonlyMap<string, ProposalCall>;
  readonly units: ReadonlyMap<string, Unit>;
  readonly now: Date;
}

export function presentProposal(proposal: Proposal, lookups: ProposalLookups): ProposalDto {
  const call = lookups.calls.get(proposal.callId);
  return {
    id: proposal.id,
    callId: proposal.callId,
    callTitle: call?.title ?? proposal.callId,
    track: proposal.track,
    departmentUnitId: proposal.departmentUnitId,
    departmentName: proposal.departmentUnitId ? lookups.units.get(proposal.departmentUnitId)?.name : undefined,
    state: proposal.state,
    title: proposal.title,
    summary: proposal.summary,
    relatedItemKey: proposal.relatedItemKey,
    expectedEffect: proposal.expectedEffect,
    perspective: proposal.perspective,
    receiptNumber: proposal.receiptNumber,
    submittedAt: proposal.submittedAt?.toISOString(),
    decisionReason: proposal.decisionReason,
    decidedAt: proposal.decidedAt?.toISOString(),
    updatedAt: proposal.updatedAt.toISOString(),
    editable: proposal.state === 'draft' && call !== undefined && isTrackOpen(call, proposal.track, lookups.now),
  };
}

export function presentReviewProposal(
  proposal: Proposal,
  lookups: ProposalLookups & { staff: ReadonlyMap<string, Staff> },
  notes: readonly { authorStaffId: string; text: string; at: Date }[],
): ReviewProposalDto {
  const author = lookups.staff.get(proposal.authorStaffId);
  return {
    ...presentProposal(proposal, lookups),
    authorName: author?.displayName ?? proposal.authorStaffId,
    authorUnitName: author?.unitId ? lookups.units.get(author.unitId)?.name : undefined,
    notes: notes.map((note) => ({ authorName: lookups.staff.get(note.authorStaffId)?.displayName ?? note.authorStaffId, text: note.text, at: note.at.toISOString() })),
  };
}
