import { rolesOf } from '../access/programme-roles.js';
import { DomainError } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import type { Repositories } from '../ports/store.js';
import { decide, startReview, withdraw, type Decision, type Proposal } from '../proposals/proposal.js';
import type { UseCaseContext } from './context.js';
import { notifyPerson } from './personal-notices.js';

export const REVIEW_NOTE_MAX_LENGTH = 2000;

/** Only the programme secretariat (HQ 庶務) reviews proposals. */
export async function assertSecretariat(tx: Repositories, staff: Staff): Promise<void> {
  const roles = rolesOf(staff, await tx.bodies.list());
  if (!roles.secretariat && !roles.admin) throw new DomainError('auth.forbidden');
}

async function requireProposal(tx: Repositories, id: string): Promise<Proposal> {
  const proposal = await tx.proposals.get(id);
  if (!proposal) throw new DomainError('proposal.notFound');
  return proposal;
}

/** Moves submitted proposals to "under review" (hearing); already-moved ones are left as they are. */
export async function startProposalReviews(ctx: UseCaseContext, reviewer: Staff, ids: readonly string[]): Promise<Proposal[]> {
  return ctx.store.transaction(async (tx) => {
    await assertSecretariat(tx, reviewer);
    const now = ctx.clock.now();
    const moved: Proposal[] = [];
    for (const id of ids) {
      const proposal = await requireProposal(tx, id);
      if (proposal.state === 'underReview') continue;
      const next = startReview(proposal, now);
      await tx.proposals.update(next);
      await tx.audit.record({ entityType: 'proposal', entityId: id, action: 'startReview', actorStaffId: reviewer.id, at: now, before: proposal, after: next });
      moved.push(next);
    }
    return moved;
  });
}

/** Records the decision with its reason and tells the author. Repeating the same decision is a no-op. */
export async function decideProposal(
  ctx: UseCaseContext,
  reviewer: Staff,
  change: { proposalId: string; decision: Decision; reason: string },
): Promise<Proposal> {
  return ctx.store.transaction(async (tx) => {
    await assertSecretariat(tx, reviewer);
    const proposal = await requireProposal(tx, change.proposalId);
    if (proposal.state === change.decision) return proposal;
    const now = ctx.clock.now();
    const next = decide(proposal, change.decision, change.reason, now);
    await tx.proposals.update(next);
    await tx.audit.record({ entityType: 'proposal', entityId: next.id, action: 'decide', actorStaffId: reviewer.id, at: now, before: proposal, after: next });
    // The receipt promised the result: the author hears it in chat, or on the dashboard without the bot.
    await notifyPerson(ctx, tx, next.authorStaffId, { type: 'proposalDecision', proposalId: next.id });
    return next;
  });
}

/** Adds a private note only the secretariat sees. */
export async function addReviewNote(ctx: UseCaseContext, reviewer: Staff, proposalId: string, text: string): Promise<void> {
  const note = text.trim();
  if (!note) throw new DomainError('proposal.fieldRequired', { field: 'reason' }, 'note');
  if (note.length > REVIEW_NOTE_MAX_LENGTH) throw new DomainError('proposal.fieldTooLong', { field: 'reason', max: REVIEW_NOTE_MAX_LENGTH }, 'note');
  await ctx.store.transaction(async (tx) => {
    await assertSecretariat(tx, reviewer);
    await requireProposal(tx, proposalId);
    await tx.proposals.addReviewNote({ proposalId, authorStaffId: reviewer.id, text: note, at: ctx.clock.now() });
  });
}

/** The author withdraws a draft or a submitted proposal before review starts. */
export async function withdrawProposal(ctx: UseCaseContext, author: Staff, proposalId: string): Promise<Proposal> {
  return ctx.store.transaction(async (tx) => {
    const proposal = await requireProposal(tx, proposalId);
    if (proposal.authorStaffId !== author.id) throw new DomainError('proposal.notAuthor');
    if (proposal.state === 'withdrawn') return proposal;
    const now = ctx.clock.now();
    const next = withdraw(proposal, now);
    await tx.proposals.update(next);
    await tx.audit.record({ entityType: 'proposal', entityId: next.id, action: 'withdraw', actorStaffId: author.id, at: now, before: proposal, after: next });
    return next;
  });
}
