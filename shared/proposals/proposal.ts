import { DomainError } from '../domain-error.js';
import type { TrackKind } from '../calls/proposal-call.js';

/**
 * draft → submitted → underReview (hearing) → acceptedMidYear | acceptedNextYear | deferred | rejected.
 * The author may withdraw a draft or a submitted proposal until review starts.
 */
export type ProposalState = 'draft' | 'submitted' | 'underReview' | 'acceptedMidYear' | 'acceptedNextYear' | 'deferred' | 'rejected' | 'withdrawn';

export type Decision = 'acceptedMidYear' | 'acceptedNextYear' | 'deferred' | 'rejected';
export const DECISIONS: readonly Decision[] = ['acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected'];

/** Whether a state is one of the review's outcomes. */
export const isDecision = (state: ProposalState): state is Decision => (DECISIONS as readonly ProposalState[]).includes(state);

/** Proposal-based PT perspectives: (a) cross-cutting, (b) new business, (c) renewal. */
export type Perspective = 'crossCutting' | 'newBusiness' | 'renewal';
export const PERSPECTIVES: readonly Perspective[] = ['crossCutting', 'newBusiness', 'renewal'];

export interface ProposalContent {
  readonly title: string;
  readonly summary: string;
  readonly relatedItemKey?: string | undefined;
  readonly expectedEffect: string;
  readonly perspective?: Perspective | undefined;
  /**
   * The department survey's second question (４（２）): issues in the department's items of the
   * current fiscal year's plan (「令和６年度取組み項目における課題等」). Department track of a
   * new-initiative call only; optional, since a department may have none.
   */
  readonly currentItemIssues?: string | undefined;
}

export interface Proposal extends ProposalContent {
  readonly id: string;
  readonly callId: string;
  readonly track: TrackKind;
  readonly authorStaffId: string;
  /** Set for the department track: the department the proposal speaks for. */
  readonly departmentUnitId?: string | undefined;
  readonly state: ProposalState;
  readonly receiptNumber?: string | undefined;
  readonly submittedAt?: Date | undefined;
  readonly decisionReason?: string | undefined;
  readonly decidedAt?: Date | undefined;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const TRANSITIONS: Readonly<Record<ProposalState, readonly ProposalState[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['underReview', 'withdrawn'],
  underReview: DECISIONS,
  acceptedMidYear: [],
  acceptedNextYear: [],
  deferred: [],
  rejected: [],
  withdrawn: [],
};

/** Refuses an illegal transition with a reason naming both states. */
export function assertTransition(from: ProposalState, to: ProposalState): void {
  if (!TRANSITIONS[from].includes(to)) {
    const code = to === 'withdrawn' ? 'proposal.withdrawAfterReview' : 'proposal.illegalTransition';
    throw new DomainError(code, { from, to });
  }
}

/** Drafts can be edited; anything else is frozen for the author. */
export function assertEditable(proposal: Proposal): void {
  if (proposal.state !== 'draft') throw new DomainError('proposal.notEditable', { state: proposal.state });
}

export function submit(proposal: Proposal, receiptNumber: string, at: Date): Proposal {
  assertTransition(proposal.state, 'submitted');
  return { ...proposal, state: 'submitted', receiptNumber, submittedAt: at, updatedAt: at };
}

export function startReview(proposal: Proposal, at: Date): Proposal {
  assertTransition(proposal.state, 'underReview');
  return { ...proposal, state: 'underReview', updatedAt: at };
}

export function decide(proposal: Proposal, decision: Decision, reason: string, at: Date): Proposal {
  assertTransition(proposal.state, decision);
  if (!reason.trim()) throw new DomainError('proposal.reasonRequired', {}, 'reason');
  return { ...proposal, state: decision, decisionReason: reason.trim(), decidedAt: at, updatedAt: at };
}

export function withdraw(proposal: Proposal, at: Date): Proposal {
  assertTransition(proposal.state, 'withdrawn');
  return { ...proposal, state: 'withdrawn', updatedAt: at };
}
