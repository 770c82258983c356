import type { Locale } from '../../shared/i18n/locale.js';
import type { Repositories } from '../../shared/ports/store.js';
import { planItemReference } from '../../shared/plan/plan-item-reference.js';
import { sameItemProposals } from '../../shared/proposals/same-item-proposals.js';
import { reviewCard, type ReviewItem } from '../cards/review-card.js';
import type { AdaptiveCard } from '../cards/card-kit.js';
import { rolesOfSender, secretariatUserIds } from '../views/roles.js';
import { cardReply, directoryRefusal, textReply, type CommandHandler } from './command-turn.js';
import { errorMessage } from '../../shared/i18n/error-messages.js';
import { DomainError } from '../../shared/domain-error.js';

/**
 * Submitted and under-review proposals, oldest first, with what was proposed, the author, the
 * department, the related plan item and the other proposals on the same item. In a
 * channel or group chat the card is shared: it lists the reviewers for refresh, so each of them
 * sees the buttons and everyone else sees the status.
 */
export async function buildReviewCard(
  repos: Repositories,
  locale: Locale,
  options: { notice?: string | undefined; interactive?: boolean; shared?: boolean } = {},
): Promise<AdaptiveCard> {
  const [everyProposal, people, unitList, teams] = await Promise.all([
    repos.proposals.list(),
    repos.staff.list(),
    repos.units.list(),
    repos.projectTeams.list(),
  ]);
  const staff = new Map(people.map((person) => [person.id, person]));
  const units = new Map(unitList.map((unit) => [unit.id, unit.name]));
  // The overlap hint looks at every submitted proposal, decided ones included, not just the queue.
  const sameItem = sameItemProposals(everyProposal);
  const queue = everyProposal.filter((proposal) => proposal.state === 'submitted' || proposal.state === 'underReview');
  const items = queue.map((proposal): ReviewItem => {
    const author = staff.get(proposal.authorStaffId);
    return {
      proposal,
      authorName: author?.displayName ?? proposal.authorStaffId,
      authorUnitName: author?.unitId ? units.get(author.unitId) : undefined,
      departmentName: proposal.departmentUnitId ? units.get(proposal.departmentUnitId) : undefined,
      relatedItem: proposal.relatedItemKey ? planItemReference(proposal.relatedItemKey, teams) : undefined,
      sameItem: sameItem.get(proposal.id),
    };
  });
  return reviewCard({
    locale,
    items,
    ...(options.notice ? { notice: options.notice } : {}),
    interactive: options.interactive ?? true,
    ...(options.shared ? { refreshUserIds: await secretariatUserIds(repos) } : {}),
  });
}

export const reviewCommand: CommandHandler = async (turn) => {
  const repos = turn.ctx.store.repositories;
  if (!turn.staff) return directoryRefusal(turn);
  const roles = await rolesOfSender(repos, turn.staff);
  if (!roles?.secretariat && !roles?.admin) return textReply(errorMessage(new DomainError('auth.forbidden'), turn.locale));
  const shared = turn.scope !== 'personal';
  return cardReply(await buildReviewCard(repos, turn.locale, { shared, interactive: !shared }));
};
