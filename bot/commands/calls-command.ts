import { isCallOpen } from '../../shared/calls/proposal-call.js';
import { callsCard } from '../cards/calls-card.js';
import { cardReply, type CommandHandler } from './command-turn.js';

/** Open calls with each track's deadline and the days left, counted in Japan. */
export const callsCommand: CommandHandler = async (turn) => {
  const now = turn.ctx.clock.now();
  const calls = (await turn.ctx.store.repositories.calls.list()).filter((call) => isCallOpen(call, now));
  return cardReply(
    callsCard({ locale: turn.locale, calls, now, mayPropose: turn.staff !== undefined && turn.scope === 'personal', teamsAppId: turn.ctx.teamsAppId }),
  );
};
