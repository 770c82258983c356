/**
 * A programme for the dashboard by role: the review board's proposals (two submitted, one under
 * review), and a proposal of 財政 主任 decided with a reason. No vitest import.
 */
import { decideProposal, startProposalReviews } from '../../../shared/use-cases/proposal-review.js';
import { submitProposal } from '../../../shared/use-cases/proposal-submission.js';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import { seedReviewProposals } from './review-seed.js';
import { CALL, STAFF } from './tab-seed.js';

export const DECIDED_PROPOSAL = { id: 'db-decided', title: '庁内会議のペーパーレス化', reason: '次年度の取組み項目として採用する。' } as const;

export async function seedDashboard(ctx: UseCaseContext): Promise<void> {
  await seedReviewProposals(ctx);
  await submitProposal(ctx, STAFF.author, {
    proposalId: DECIDED_PROPOSAL.id,
    callId: CALL.id,
    track: 'individual',
    title: DECIDED_PROPOSAL.title,
    relatedItem: '1-4',
    summary: '会議資料を電子化する',
    expectedEffect: '印刷費の削減',
  });
  await startProposalReviews(ctx, STAFF.secretary, [DECIDED_PROPOSAL.id]);
  await decideProposal(ctx, STAFF.secretary, { proposalId: DECIDED_PROPOSAL.id, decision: 'acceptedNextYear', reason: DECIDED_PROPOSAL.reason });
}
