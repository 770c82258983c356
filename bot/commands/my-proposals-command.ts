import { myProposalsCard } from '../cards/proposal-cards.js';
import { t } from '../i18n/bot-text.js';
import { cardReply, textReply, type CommandHandler } from './command-turn.js';

export const myProposalsCommand: CommandHandler = async (turn) => {
  if (!turn.staff) return textReply(t('turn.unknownStaff', turn.locale));
  const repos = turn.ctx.store.repositories;
  const proposals = await repos.proposals.listByAuthor(turn.staff.id);
  const calls = new Map((await repos.calls.list()).map((call) => [call.id, call]));
  return cardReply(myProposalsCard({ locale: turn.locale, proposals, calls }));
};
