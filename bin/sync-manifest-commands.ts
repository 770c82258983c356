/**
 * Regenerates the bot's `commandLists` and the search message extension's `composeExtensions` in
 * appPackage/manifest.json (Japanese) and the matching keys of appPackage/en-us.json from
 * shared/commands/command-catalog.ts and compose-extension-catalog.ts: `tsx bin/sync-manifest-commands.ts`.
 * The package validation fails when they drift, so run this after changing a catalogue.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandListsFromCatalogue } from './app-package/command-lists.js';
import { composeExtensionLocalization, composeExtensionsFromCatalogue } from './app-package/compose-extensions.js';

const appPackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../appPackage');
const manifestPath = path.join(appPackageDir, 'manifest.json');
const englishPath = path.join(appPackageDir, 'en-us.json');

const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, unknown> & { bots: [{ commandLists: unknown }] };
manifest.bots[0].commandLists = commandListsFromCatalogue('ja');
// Right after `bots`, where a reader looks for what the bot offers; the rest keeps its order.
const ordered = Object.fromEntries(
  Object.entries(manifest)
    .filter(([key]) => key !== 'composeExtensions')
    .flatMap(([key, value]) =>
      key === 'bots' ? [[key, value] as const, ['composeExtensions', composeExtensionsFromCatalogue('ja')] as const] : [[key, value] as const],
    ),
);
fs.writeFileSync(manifestPath, `${JSON.stringify(ordered, null, 2)}\n`);

const english = JSON.parse(fs.readFileSync(englishPath, 'utf8')) as Record<string, string>;
const kept = Object.entries(english).filter(([key]) => !key.startsWith('bots[0].commandLists') && !key.startsWith('composeExtensions['));
const commands = commandListsFromCatalogue('en').flatMap((list, listIndex) =>
  list.commands.flatMap((command, commandIndex) => {
    const prefix = `bots[0].commandLists[${listIndex}].commands[${commandIndex}]`;
    return [
      [`${prefix}.title`, command.title],
      [`${prefix}.description`, command.description],
    ] as const;
  }),
);
fs.writeFileSync(englishPath, `${JSON.stringify(Object.fromEntries([...kept, ...commands, ...composeExtensionLocalization('en')]), null, 2)}\n`);
process.stdout.write('commandLists and composeExtensions regenerated in appPackage/manifest.json and appPackage/en-us.json\n');
