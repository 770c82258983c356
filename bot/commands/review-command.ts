import type { Locale } from '../../shared/i18n/locale.js';
import type { Repositories } from '../../shared/ports/store.js';
import { reviewCard } from '../cards/review-card.js';
import type { AdaptiveCard } from '../cards/card-kit.js';
import { t } from '../i18n/bot-text.js';
import { rolesOfSender } from '../views/roles.js';
import { cardReply, textReply, type CommandHandler } from './command-turn.js';
import { errorMessage } from '../../shared/i18n/error-messages.js';
import { DomainError } from '../../shared/domain-error.js';

/** Submitted and under-review proposals, oldest first, with author and department names. */
export async function buildReviewCard(repos: Repositories, locale: Locale, notice?: string): Promise<AdaptiveCard> {
  const proposals = await repos.proposals.list({ states: ['submitted', 'underReview'] });
  const staff = new Map((await repos.staff.list()).map((person) => [person.id, person.displayName]));
  const units = new Map((await repos.units.list()).map((unit) => [unit.id, unit.name]));
  const items = proposals.map((proposal) => ({
    proposal,
    authorName: staff.get(proposal.authorStaffId) ?? proposal.authorStaffId,
    departmentName: proposal.departmentUnitId ? units.get(proposal.departmentUnitId) : undefined,
  }));
  return reviewCard({ locale, items, ...(notice ? { notice } : {}) });
}

export const reviewCommand: CommandHandler = async (turn) => {
  const repos = turn.ctx.store.repositories;
  if (!turn.staff) return textReply(t('turn.unknownStaff', turn.locale));
  const roles = await rolesOfSender(repos, turn.staff);
  if (!roles?.secretariat && !roles?.admin) return textReply(errorMessage(new DomainError('auth.forbidden'), turn.locale));
  return cardReply(await buildReviewCard(repos, turn.locale));
};
