import { isCallOpen, type ProposalCall } from '../../shared/calls/proposal-call.js';
import type { Repositories } from '../../shared/ports/store.js';
import { t } from '../i18n/bot-text.js';
import { buildProposalForm } from '../views/proposal-form-view.js';
import { cardReply, directoryRefusal, textReply, type CommandHandler } from './command-turn.js';

/** The call a bare `提案` opens: the open call whose earliest open track closes first. */
export async function defaultOpenCall(repos: Repositories, now: Date): Promise<ProposalCall | undefined> {
  const open = (await repos.calls.list()).filter((call) => isCallOpen(call, now));
  const soonest = (call: ProposalCall) => Math.min(...call.tracks.filter((track) => track.closesAt > now).map((track) => track.closesAt.getTime()));
  return open.sort((a, b) => soonest(a) - soonest(b))[0];
}

export const proposeCommand: CommandHandler = async (turn) => {
  if (!turn.staff) return directoryRefusal(turn);
  const now = turn.ctx.clock.now();
  const repos = turn.ctx.store.repositories;
  const call = await defaultOpenCall(repos, now);
  if (!call) return textReply(t('propose.noCall', turn.locale));
  return cardReply(await buildProposalForm(repos, { locale: turn.locale, staff: turn.staff, call, proposalId: turn.ctx.newId(), now }));
};
