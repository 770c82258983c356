import type { CommandId } from '../../shared/commands/command-catalog.js';
import { parseCommand } from '../../shared/commands/command-parser.js';
import { t } from '../i18n/bot-text.js';
import { callsCommand } from './calls-command.js';
import { textReply, type BotReply, type BotTurn, type CommandHandler } from './command-turn.js';
import { conveneCommand } from './convene-command.js';
import { helpCommand } from './help-command.js';
import { languageCommand } from './language-command.js';
import { meetingsCommand } from './meetings-command.js';
import { myProposalsCommand } from './my-proposals-command.js';
import { practicesCommand } from './practices-command.js';
import { proposeCommand } from './propose-command.js';
import { ptDetailCommand, ptListCommand } from './pt-commands.js';
import { recruitCommand } from './recruit-command.js';
import { reviewCommand } from './review-command.js';
import { subscribeCommand, unsubscribeCommand } from './subscription-commands.js';
import { tasksCommand } from './tasks-command.js';

const HANDLERS: Readonly<Record<CommandId, CommandHandler>> = {
  help: (turn) => helpCommand(turn),
  meetings: meetingsCommand,
  convene: conveneCommand,
  pts: ptListCommand,
  pt: ptDetailCommand,
  calls: callsCommand,
  propose: proposeCommand,
  myProposals: myProposalsCommand,
  tasks: tasksCommand,
  review: reviewCommand,
  practices: practicesCommand,
  recruit: recruitCommand,
  subscribe: subscribeCommand,
  unsubscribe: unsubscribeCommand,
  language: languageCommand,
};

/**
 * Answers a chat message. An unknown command gets the help card with the nearest command, never
 * silence; a command used where it does not belong (a proposal form in a channel) says where to use it.
 */
export async function answerMessage(turn: BotTurn, text: string): Promise<BotReply> {
  const parsed = parseCommand(text);
  if (parsed.kind === 'unknown') return helpCommand(turn, { text: text.trim(), suggestion: parsed.nearest });
  if (!parsed.command.scopes.includes(turn.scope)) return textReply(t('turn.personalOnly', turn.locale));
  return HANDLERS[parsed.command.id](turn, parsed.argument);
}
