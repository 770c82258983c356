import { COMPOSE_COMMANDS } from '../../shared/commands/compose-extension-catalog.js';
import type { ManifestLanguage } from './command-lists.js';
import type { ManifestComposeExtension } from './manifest-types.js';

/**
 * The manifest's `composeExtensions` in one language, generated from the extension's catalogue:
 * the bot's search command (query type, run once on opening so the person sees their next
 * meetings and open calls at once), in the compose box and the command box, and link unfurling
 * for the app's own domain. The extension works where the bot is installed (its scopes).
 */
export function composeExtensionsFromCatalogue(language: ManifestLanguage): ManifestComposeExtension[] {
  return [
    {
      botId: '${{BOT_ID}}',
      commands: COMPOSE_COMMANDS.map((command) => ({
        id: command.id,
        type: 'query',
        title: command.title[language],
        description: command.description[language],
        initialRun: true,
        context: ['compose', 'commandBox'],
        parameters: [
          {
            name: command.parameterName,
            title: command.parameterTitle[language],
            description: command.parameterDescription[language],
            inputType: 'text',
          },
        ],
      })),
      messageHandlers: [{ type: 'link', value: { domains: ['${{BOT_DOMAIN}}'] } }],
    },
  ];
}

/** The en-us.json entries for the extension's strings, keyed as the localisation schema names them. */
export function composeExtensionLocalization(language: ManifestLanguage): [string, string][] {
  return composeExtensionsFromCatalogue(language).flatMap((extension, extensionIndex) =>
    extension.commands.flatMap((command, commandIndex): [string, string][] => {
      const prefix = `composeExtensions[${extensionIndex}].commands[${commandIndex}]`;
      return [
        [`${prefix}.title`, command.title],
        [`${prefix}.description`, command.description],
        ...command.parameters.flatMap((parameter, parameterIndex): [string, string][] => [
          [`${prefix}.parameters[${parameterIndex}].title`, parameter.title],
          [`${prefix}.parameters[${parameterIndex}].description`, parameter.description],
        ]),
      ];
    }),
  );
}
