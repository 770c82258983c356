import { recruitmentListCard } from '../cards/recruitment-cards.js';
import { cardReply, type CommandHandler } from './command-turn.js';

/** Proposal-based PT projects recruiting now, each with an Apply button for people in the directory. */
export const recruitCommand: CommandHandler = async (turn) => {
  const now = turn.ctx.clock.now();
  const projects = (await turn.ctx.store.repositories.recruitment.listProjects({ status: 'recruiting' })).filter(
    (project) => project.opensAt <= now && now < project.closesAt,
  );
  return cardReply(recruitmentListCard({ locale: turn.locale, projects, mayApply: turn.staff !== undefined }));
};
