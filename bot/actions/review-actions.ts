import { z } from 'zod';
import { DECISIONS } from '../../shared/proposals/proposal.js';
import { PROPOSAL_STATE_LABELS } from '../../shared/i18n/labels.js';
import { DomainError } from '../../shared/domain-error.js';
import { decideProposal, startProposalReviews } from '../../shared/use-cases/proposal-review.js';
import { buildReviewCard } from '../commands/review-command.js';
import { t } from '../i18n/bot-text.js';
import { rolesOfSender } from '../views/roles.js';
import { actionPayload, cardResult, id, type ActionHandler } from './action-result.js';

const startPayload = actionPayload({ proposalId: id });
const decidePayload = actionPayload({ proposalId: id, decisionInput: z.string().max(150), reasonInput: z.string().max(150) });

/** Moves a submitted proposal to the hearing stage; the queue card comes back updated. */
export const startReviewAction: ActionHandler = async (turn, data) => {
  const payload = startPayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const [moved] = await startProposalReviews(turn.ctx, turn.staff, [payload.proposalId]);
  const notice = moved
    ? t('review.done', turn.locale, { receipt: moved.receiptNumber ?? '', state: PROPOSAL_STATE_LABELS[moved.state][turn.locale] })
    : undefined;
  return cardResult(await buildReviewCard(turn.ctx.store.repositories, turn.locale, { notice, shared: turn.scope !== 'personal' }));
};

/** A shared queue's refresh: the reviewer's own view with buttons, or the status for anyone else. */
export const reviewViewAction: ActionHandler = async (turn) => {
  const repos = turn.ctx.store.repositories;
  const roles = await rolesOfSender(repos, turn.staff);
  const reviewer = Boolean(roles?.secretariat || roles?.admin);
  return cardResult(await buildReviewCard(repos, turn.locale, { interactive: reviewer, shared: turn.scope !== 'personal' }));
};

export const decideAction: ActionHandler = async (turn, data) => {
  const payload = decidePayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const decision = z.enum(DECISIONS as [string, ...string[]]).parse(data[payload.decisionInput]) as (typeof DECISIONS)[number];
  const reason = z
    .string()
    .max(1000)
    .parse(data[payload.reasonInput] ?? '');
  const decided = await decideProposal(turn.ctx, turn.staff, { proposalId: payload.proposalId, decision, reason });
  const notice = t('review.done', turn.locale, { receipt: decided.receiptNumber ?? '', state: PROPOSAL_STATE_LABELS[decided.state][turn.locale] });
  return cardResult(await buildReviewCard(turn.ctx.store.repositories, turn.locale, { notice, shared: turn.scope !== 'personal' }));
};
