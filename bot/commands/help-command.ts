import { COMMANDS, type CommandDefinition } from '../../shared/commands/command-catalog.js';
import { helpCard } from '../cards/help-card.js';
import { conveneableBodies, rolesOfSender } from '../views/roles.js';
import { cardReply, type BotReply, type BotTurn } from './command-turn.js';

/** Commands that need a directory entry or a role; the help card leaves out what the user cannot do. */
export async function commandsFor(turn: BotTurn): Promise<CommandDefinition[]> {
  const repos = turn.ctx.store.repositories;
  const roles = await rolesOfSender(repos, turn.staff);
  const mayConvene = (await conveneableBodies(repos, turn.staff, turn.ctx.clock.now())).length > 0;
  return COMMANDS.filter((command) => {
    if (!command.scopes.includes(turn.scope)) return false;
    if (command.id === 'convene') return mayConvene;
    if (command.id === 'review') return Boolean(roles?.secretariat || roles?.admin);
    if (command.id === 'propose' || command.id === 'myProposals') return turn.staff !== undefined;
    return true;
  });
}

export async function helpCommand(turn: BotTurn, unknown?: { text: string; suggestion?: CommandDefinition | undefined }): Promise<BotReply> {
  return cardReply(
    helpCard({
      locale: turn.locale,
      commands: await commandsFor(turn),
      unknownText: unknown?.text,
      suggestion: unknown?.suggestion,
    }),
  );
}
