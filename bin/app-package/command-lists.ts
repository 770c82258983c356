import { COMMANDS, type CommandDefinition, type ConversationScope } from '../../shared/commands/command-catalog.js';
import type { ManifestCommandList } from './manifest-types.js';

export type ManifestLanguage = 'ja' | 'en';

/** The order of the manifest's command lists; the localisation keys depend on it. */
export const MANIFEST_SCOPES: readonly ConversationScope[] = ['personal', 'team', 'groupChat'];

/** Teams shows at most 10 commands per scope in the compose-box menu (the schema allows 12). */
export const MAX_MENU_COMMANDS = 10;

/** The catalogue's commands flagged for the menu in one scope, in catalogue order. */
export function menuCommandsForScope(scope: ConversationScope): CommandDefinition[] {
  return COMMANDS.filter((command) => command.inManifestMenu && command.scopes.includes(scope));
}

/**
 * The manifest's `commandLists` in one language, generated from the command catalogue: one list
 * per scope, the first name of each command as its title and the argument hint in the description.
 */
export function commandListsFromCatalogue(language: ManifestLanguage): ManifestCommandList[] {
  return MANIFEST_SCOPES.map((scope) => ({
    scopes: [scope],
    commands: menuCommandsForScope(scope).map((command) => ({
      title: command.names[language][0] ?? command.id,
      description: describe(command, language),
    })),
  }));
}

function describe(command: CommandDefinition, language: ManifestLanguage): string {
  const hint = command.argumentHint[language];
  const usage = hint ? `${command.names[language][0]} ${hint}` : '';
  if (!usage) return command.description[language];
  return language === 'ja' ? `${command.description.ja}（例: ${usage}）` : `${command.description.en} (usage: ${usage})`;
}
