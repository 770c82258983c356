import { myProposalsCard } from '../cards/proposal-cards.js';
import { cardReply, directoryRefusal, type CommandHandler } from './command-turn.js';

export const myProposalsCommand: CommandHandler = async (turn) => {
  if (!turn.staff) return directoryRefusal(turn);
  const repos = turn.ctx.store.repositories;
  const proposals = await repos.proposals.listByAuthor(turn.staff.id);
  const calls = new Map((await repos.calls.list()).map((call) => [call.id, call]));
  return cardReply(myProposalsCard({ locale: turn.locale, proposals, calls, teamsAppId: turn.ctx.teamsAppId }));
};
