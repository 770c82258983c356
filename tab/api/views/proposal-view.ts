import { isTrackOpen, type ProposalCall } from '../../../shared/calls/proposal-call.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import type { Unit } from '../../../shared/organisation/unit.js';
import { planItemReference } from '../../../shared/plan/plan-item-reference.js';
import type { ProjectTeam } from '../../../shared/plan/project-team.js';
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
    currentItemIssues: proposal.currentItemIssues,
    receiptNumber: proposal.receiptNumber,
    submittedAt: proposal.submittedAt?.toISOString(),
    decisionReason: proposal.decisionReason,
    decidedAt: proposal.decidedAt?.toISOString(),
    updatedAt: proposal.updatedAt.toISOString(),
    editable: proposal.state === 'draft' && call !== undefined && isTrackOpen(call, proposal.track, lookups.now),
  };
}

export interface ReviewLookups extends ProposalLookups {
  readonly staff: ReadonlyMap<string, Staff>;
  readonly teams: readonly ProjectTeam[];
  readonly sameItem: ReadonlyMap<string, readonly Proposal[]>;
}

export function presentReviewProposal(
  proposal: Proposal,
  lookups: ReviewLookups,
  notes: readonly { authorStaffId: string; text: string; at: Date }[],
): ReviewProposalDto {
  const author = lookups.staff.get(proposal.authorStaffId);
  const related = proposal.relatedItemKey ? planItemReference(proposal.relatedItemKey, lookups.teams) : undefined;
  return {
    ...presentProposal(proposal, lookups),
    authorName: author?.displayName ?? proposal.authorStaffId,
    authorUnitName: author?.unitId ? lookups.units.get(author.unitId)?.name : undefined,
    relatedItem: related ? { number: related.number, title: related.title } : undefined,
    sameItemProposals: (lookups.sameItem.get(proposal.id) ?? []).map((other) => ({ id: other.id, receiptNumber: other.receiptNumber, title: other.title })),
    notes: notes.map((note) => ({
      authorName: lookups.staff.get(note.authorStaffId)?.displayName ?? note.authorStaffId,
      text: note.text,
      at: note.at.toISOString(),
    })),
  };
}
