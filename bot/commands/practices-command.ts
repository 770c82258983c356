import { searchPractices } from '../../shared/use-cases/practice-catalogue.js';
import { practicesCard } from '../cards/practices-card.js';
import { cardReply, type CommandHandler } from './command-turn.js';

export const practicesCommand: CommandHandler = async (turn, argument) =>
  cardReply(
    practicesCard({
      locale: turn.locale,
      words: argument,
      results: await searchPractices(turn.ctx, argument),
      mayMarkInterest: turn.staff !== undefined,
      teamsAppId: turn.ctx.teamsAppId,
    }),
  );
