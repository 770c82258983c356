import { actionItemLines } from '../views/action-item-view.js';
import { myTasksCard } from '../cards/action-item-cards.js';
import { myOpenActionItems } from '../../shared/use-cases/meeting-minutes.js';
import { cardReply, directoryRefusal, type CommandHandler } from './command-turn.js';

/** 自分のタスク / tasks: the person's open action items, soonest due first. */
export const tasksCommand: CommandHandler = async (turn) => {
  if (!turn.staff) return directoryRefusal(turn);
  const items = await myOpenActionItems(turn.ctx, turn.staff);
  return cardReply(
    myTasksCard({ locale: turn.locale, lines: await actionItemLines(turn.ctx.store.repositories, items, turn.locale), now: turn.ctx.clock.now() }),
  );
};
