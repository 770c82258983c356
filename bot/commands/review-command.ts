import type { Locale } from '../../shared/i18n/locale.js';
import type { Repositories } from '../../shared/ports/store.js';
import { reviewCard } from '../cards/review-card.js';
import type { AdaptiveCard } from '../cards/card-kit.js';
import { rolesOfSender, secretariatObjectIds } from '../views/roles.js';
import { cardReply, directoryRefusal, textReply, type CommandHandler } from './command-turn.js';
import { errorMessage } from '../../shared/i18n/error-messages.js';
import { DomainError } from '../../shared/domain-error.js';

/**
 * Submitted and under-review proposals, oldest first, with author and department names. In a
 * channel or group chat the card is shared: it lists the reviewers for refresh, so each of them
 * sees the buttons and everyone else sees the status.
 */
export async function buildReviewCard(
  repos: Repositories,
  locale: Locale,
  options: { notice?: string | undefined; interactive?: boolean; shared?: boolean } = {},
): Promise<AdaptiveCard> {
  const proposals = await repos.proposals.list({ states: ['submitted', 'underReview'] });
  const staff = new Map((await repos.staff.list()).map((person) => [person.id, person.displayName]));
  const units = new Map((await repos.units.list()).map((unit) => [unit.id, unit.name]));
  const items = proposals.map((proposal) => ({
    proposal,
    authorName: staff.get(proposal.authorStaffId) ?? proposal.authorStaffId,
    departmentName: proposal.departmentUnitId ? units.get(proposal.departmentUnitId) : undefined,
  }));
  return reviewCard({
    locale,
    items,
    ...(options.notice ? { notice: options.notice } : {}),
    interactive: options.interactive ?? true,
    ...(options.shared ? { refreshUserIds: await secretariatObjectIds(repos) } : {}),
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
