import { z } from 'zod';
import { DomainError, type DomainErrors } from '../../shared/domain-error.js';
import type { ProposalCall } from '../../shared/calls/proposal-call.js';
import { PROPOSAL_LIMITS } from '../../shared/proposals/proposal-content.js';
import { saveProposalDraft, submitProposal, type ProposalInput } from '../../shared/use-cases/proposal-submission.js';
import { formatDateTime } from '../../shared/time/index.js';
import { proposalReceiptCard, type ProposalFormValues } from '../cards/proposal-cards.js';
import type { BotTurn } from '../commands/command-turn.js';
import { t } from '../i18n/bot-text.js';
import { buildProposalForm, valuesOf } from '../views/proposal-form-view.js';
import {
  actionPayload,
  cardResult,
  errorCodes,
  fieldErrors,
  id,
  isDomainRefusal,
  optionalText,
  refusal,
  type ActionHandler,
  type ActionResult,
} from './action-result.js';

const openFormPayload = actionPayload({ callId: id, proposalId: id.optional() });

const proposalPayload = actionPayload({
  callId: id,
  proposalId: id,
  track: z.enum(['department', 'individual']).optional(),
  departmentUnitId: optionalText(100),
  title: optionalText(PROPOSAL_LIMITS.title),
  summary: optionalText(PROPOSAL_LIMITS.summary),
  relatedItem: optionalText(20),
  expectedEffect: optionalText(PROPOSAL_LIMITS.expectedEffect),
  perspective: optionalText(20),
  currentItemIssues: optionalText(PROPOSAL_LIMITS.currentItemIssues),
});

async function requireCall(turn: BotTurn, callId: string): Promise<ProposalCall> {
  const call = await turn.ctx.store.repositories.calls.get(callId);
  if (!call) throw new DomainError('call.notFound', { call: callId });
  return call;
}

/** Opens the form for a call: a new proposal, or one of the user's own drafts to edit. */
export const openProposalForm: ActionHandler = async (turn, data) => {
  const payload = openFormPayload.parse(data);
  const repos = turn.ctx.store.repositories;
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const call = await requireCall(turn, payload.callId);
  const draft = payload.proposalId ? await repos.proposals.get(payload.proposalId) : undefined;
  if (draft && draft.authorStaffId !== turn.staff.id) throw new DomainError('proposal.notAuthor');
  return cardResult(
    await buildProposalForm(repos, {
      locale: turn.locale,
      staff: turn.staff,
      call,
      proposalId: draft?.id ?? turn.ctx.newId(),
      now: turn.ctx.clock.now(),
      values: valuesOf(draft),
    }),
  );
};

/** Refusals about who is asking rather than what was typed are not shown as form errors. */
function refusesThePerson(error: DomainError | DomainErrors): boolean {
  return errorCodes(error).some((code) => code === 'auth.forbidden' || code === 'proposal.notAuthor');
}

function saveOrSubmit(mode: 'draft' | 'submit'): ActionHandler {
  return async (turn, data): Promise<ActionResult> => {
    const payload = proposalPayload.parse(data);
    if (!turn.staff) throw new DomainError('auth.forbidden');
    const repos = turn.ctx.store.repositories;
    const call = await requireCall(turn, payload.callId);
    const values: ProposalFormValues = {
      track: payload.track,
      departmentUnitId: payload.departmentUnitId,
      title: payload.title,
      summary: payload.summary,
      relatedItem: payload.relatedItem,
      expectedEffect: payload.expectedEffect,
      perspective: payload.perspective,
      currentItemIssues: payload.currentItemIssues,
    };
    const input: ProposalInput = {
      ...values,
      proposalId: payload.proposalId,
      callId: call.id,
      track: payload.track,
      departmentUnitId: payload.departmentUnitId || undefined,
    };
    const form = (extra: { errors?: Record<string, string>; notice?: string }) =>
      buildProposalForm(repos, { locale: turn.locale, staff: turn.staff!, call, proposalId: payload.proposalId, now: turn.ctx.clock.now(), values, ...extra });
    try {
      if (mode === 'draft') {
        const draft = await saveProposalDraft(turn.ctx, turn.staff, input);
        return cardResult(await form({ notice: t('propose.draftSaved', turn.locale, { time: formatDateTime(draft.updatedAt, turn.locale) }) }));
      }
      const submitted = await submitProposal(turn.ctx, turn.staff, input);
      return cardResult(proposalReceiptCard({ locale: turn.locale, proposal: submitted, call, teamsAppId: turn.ctx.teamsAppId }));
    } catch (error) {
      if (!isDomainRefusal(error)) throw error;
      if (refusesThePerson(error)) return refusal(error, turn.locale);
      const { department, ...errors } = fieldErrors(error, turn.locale);
      // The department choice is only on the card when the person works in a department, so its
      // reason is also shown at the top.
      const placed = department ? { ...errors, departmentUnitId: department, form: department } : errors;
      // The same card comes back with what was typed and each reason next to its field.
      return cardResult(await form({ errors: { form: t('propose.fixErrors', turn.locale), ...placed } }));
    }
  };
}

export const saveProposalDraftAction = saveOrSubmit('draft');
export const submitProposalAction = saveOrSubmit('submit');
