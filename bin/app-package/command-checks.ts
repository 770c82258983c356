import type { ConversationScope } from '../../shared/commands/command-catalog.js';
import { parseCommand } from '../../shared/commands/command-parser.js';
import { foldForSearch } from '../../shared/text/normalise.js';
import { MAX_MENU_COMMANDS, menuCommandsForScope, type ManifestLanguage } from './command-lists.js';
import type { ManifestCommandList } from './manifest-types.js';

const SCOPES: readonly ConversationScope[] = ['personal', 'team', 'groupChat'];

/**
 * Checks one language's command lists against the bot: every title is a command the bot's parser
 * understands, in that language and in every scope the list is for; every catalogue command
 * flagged for the menu is listed in each of its scopes; no list exceeds what Teams shows.
 */
export function checkCommandLists(lists: readonly ManifestCommandList[], language: ManifestLanguage, source: string): string[] {
  const problems: string[] = [];
  for (const [index, list] of lists.entries()) {
    const where = `${source} commandLists[${index}] (${list.scopes.join(', ')})`;
    if (list.commands.length > MAX_MENU_COMMANDS) {
      problems.push(`${where}: ${list.commands.length} commands, Teams shows at most ${MAX_MENU_COMMANDS}`);
    }
    for (const { title } of list.commands) {
      const parsed = parseCommand(title);
      if (parsed.kind !== 'command') {
        problems.push(`${where}: command "${title}" is not one the bot understands`);
        continue;
      }
      // Some names are shared (`PT`/`pt`), so ask whether the title is one of this language's names.
      if (!parsed.command.names[language].some((name) => foldForSearch(name) === foldForSearch(title))) {
        problems.push(`${where}: command "${title}" is not a ${language} name of "${parsed.command.id}"`);
      }
      if (parsed.argument !== '') {
        problems.push(`${where}: command "${title}" is read as "${parsed.command.id}" with argument "${parsed.argument}"; list the bare command name`);
      }
      for (const scope of list.scopes) {
        if (isScope(scope) && !parsed.command.scopes.includes(scope)) {
          problems.push(`${where}: command "${title}" is not available in ${scope} conversations`);
        }
      }
    }
  }
  for (const scope of SCOPES) {
    const listed = new Set(
      lists
        .filter((list) => list.scopes.includes(scope))
        .flatMap((list) => list.commands.map(({ title }) => parseCommand(title)))
        .flatMap((parsed) => (parsed.kind === 'command' ? [parsed.command.id] : [])),
    );
    for (const command of menuCommandsForScope(scope)) {
      if (!listed.has(command.id)) {
        problems.push(`${source}: the ${scope} command list lacks "${command.names[language][0]}" (${command.id}), which the catalogue puts in the menu`);
      }
    }
  }
  return problems;
}

function isScope(value: string): value is ConversationScope {
  return (SCOPES as readonly string[]).includes(value);
}
