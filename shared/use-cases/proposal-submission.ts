import { assertTrackOpen, type ProposalCall, type TrackKind } from '../calls/proposal-call.js';
import { DomainError } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import type { Repositories } from '../ports/store.js';
import { asksCurrentItemIssues, validateProposalContent, type ProposalContentInput } from '../proposals/proposal-content.js';
import { assertEditable, submit, type Proposal, type ProposalContent } from '../proposals/proposal.js';
import { formatReceiptNumber } from '../proposals/receipt-number.js';
import { assertMayUseTrack, defaultTrack } from '../proposals/track-eligibility.js';
import type { UseCaseContext } from './context.js';

export interface ProposalInput extends ProposalContentInput {
  /** Chosen by the form when it is created, so a resent or double-clicked submit finds the same record. */
  readonly proposalId: string;
  readonly callId: string;
  readonly track?: TrackKind | undefined;
  readonly departmentUnitId?: string | undefined;
}

/** Saves a draft: lengths are checked, completeness is not. The track's deadline still applies. */
export async function saveProposalDraft(ctx: UseCaseContext, author: Staff, input: ProposalInput): Promise<Proposal> {
  return ctx.store.transaction(async (tx) => {
    const { call, track, existing } = await prepare(ctx, tx, author, input);
    if (existing) assertEditable(existing);
    const content = validateProposalContent(input, 'draft', call.kind === 'ptTheme', asksCurrentItemIssues(call.kind, track));
    const now = ctx.clock.now();
    const draft = withContent(existing, { input, call, author, track, content, now });
    await (existing ? tx.proposals.update(draft) : tx.proposals.insert(draft));
    await tx.audit.record({
      entityType: 'proposal',
      entityId: draft.id,
      action: 'saveDraft',
      actorStaffId: author.id,
      at: now,
      before: existing,
      after: draft,
    });
    return draft;
  });
}

/**
 * Submits a proposal and gives it a receipt number. Submitting an already-submitted proposal of
 * the same author returns it unchanged, so a double click creates one record.
 */
export async function submitProposal(ctx: UseCaseContext, author: Staff, input: ProposalInput): Promise<Proposal> {
  return ctx.store.transaction(async (tx) => {
    const { call, track, existing } = await prepare(ctx, tx, author, input);
    if (existing?.state === 'submitted') return existing;
    if (existing) assertEditable(existing);
    const content = validateProposalContent(input, 'submit', call.kind === 'ptTheme', asksCurrentItemIssues(call.kind, track));
    const now = ctx.clock.now();
    const base = withContent(existing, { input, call, author, track, content, now });
    const sequence = await tx.proposals.nextReceiptSequence(call.id);
    const submitted = submit(base, formatReceiptNumber(call.fiscalYear, call.kind, sequence), now);
    await (existing ? tx.proposals.update(submitted) : tx.proposals.insert(submitted));
    await tx.audit.record({
      entityType: 'proposal',
      entityId: submitted.id,
      action: 'submit',
      actorStaffId: author.id,
      at: now,
      before: existing,
      after: submitted,
    });
    return submitted;
  });
}

async function prepare(ctx: UseCaseContext, tx: Repositories, author: Staff, input: ProposalInput) {
  const call = await requireCall(tx, input.callId);
  const existing = await tx.proposals.get(input.proposalId);
  if (existing && existing.authorStaffId !== author.id) throw new DomainError('proposal.notAuthor');
  // The form's id on the author's proposal for another call: taken, not that proposal to move.
  if (existing && existing.callId !== call.id) throw new DomainError('proposal.idInUse', {}, 'proposalId');
  const track = input.track ?? existing?.track ?? defaultTrack(author);
  const units = new Map((await tx.units.list()).map((unit) => [unit.id, unit]));
  assertMayUseTrack(author, track, input.departmentUnitId, units);
  assertTrackOpen(call, track, ctx.clock.now());
  return { call, track, existing };
}

/** The existing draft (or a new one) carrying the form's content. */
function withContent(
  existing: Proposal | undefined,
  change: { input: ProposalInput; call: ProposalCall; author: Staff; track: TrackKind; content: ProposalContent; now: Date },
): Proposal {
  const { input, call, author, track, content, now } = change;
  const base = existing ?? {
    id: input.proposalId,
    callId: call.id,
    authorStaffId: author.id,
    state: 'draft' as const,
    createdAt: now,
  };
  return {
    ...base,
    ...content,
    track,
    departmentUnitId: track === 'department' ? input.departmentUnitId : undefined,
    updatedAt: now,
  };
}

async function requireCall(tx: Repositories, callId: string): Promise<ProposalCall> {
  const call = await tx.calls.get(callId);
  if (!call) throw new DomainError('call.notFound', { call: callId });
  return call;
}
