import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeExtensionLocalization, composeExtensionsFromCatalogue } from '../../bin/app-package/compose-extensions.js';
import { checkLocalizationComplete, localizableEntries } from '../../bin/app-package/localization-checks.js';
import { checkManifestRules } from '../../bin/app-package/manifest-rules.js';
import { asManifest } from '../../bin/app-package/manifest-types.js';
import { substitutePlaceholders } from '../../bin/app-package/placeholders.js';
import { validateLocalizationSchema, validateManifestSchema } from '../../bin/app-package/schema-validation.js';
import { SEARCH_COMMAND } from '../../shared/commands/compose-extension-catalog.js';
import { APP_PACKAGE_DIR, FILLED_DEV_ENV } from './package-fixture.js';

const read = (file: string) => fs.readFileSync(path.join(APP_PACKAGE_DIR, file), 'utf8');
const manifestText = read('manifest.json');
const manifest = asManifest(JSON.parse(manifestText));
const english = JSON.parse(read('en-us.json')) as Record<string, unknown>;
/** The manifest as `npm run package` substitutes it for the dev environment of the fixture. */
const filledValues = new Map(
  FILLED_DEV_ENV.trim()
    .split('\n')
    .map((line) => line.split('=') as [string, string]),
);
const filled = asManifest(JSON.parse(substitutePlaceholders(manifestText, filledValues).text));

describe('the search message extension in the manifest', () => {
  it('is exactly what the extension catalogue generates (run bin/sync-manifest-commands.ts after changing it)', () => {
    expect(manifest.composeExtensions).toEqual(composeExtensionsFromCatalogue('ja'));
    for (const [key, value] of composeExtensionLocalization('en')) expect(english[key], key).toBe(value);
  });

  it('is one bot-based query command with one parameter, in the compose box and the command box, run on opening', () => {
    const [extension, ...more] = manifest.composeExtensions ?? [];
    expect(more).toEqual([]);
    expect(extension?.botId).toBe('${{BOT_ID}}');
    expect(extension?.commands).toEqual([
      expect.objectContaining({
        id: SEARCH_COMMAND.id,
        type: 'query',
        initialRun: true,
        context: ['compose', 'commandBox'],
        parameters: [expect.objectContaining({ name: SEARCH_COMMAND.parameterName, inputType: 'text' })],
      }),
    ]);
    // The extension works where the bot is installed: the bot's scopes.
    expect(manifest.bots?.[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
  });

  it('titles the command in Japanese in the manifest and in English in en-us.json, within the schema’s lengths', () => {
    const command = manifest.composeExtensions![0]!.commands[0]!;
    expect(command.title).toBe('検索');
    expect(english['composeExtensions[0].commands[0].title']).toBe('Search');
    for (const language of ['ja', 'en'] as const) {
      expect(SEARCH_COMMAND.title[language].length).toBeLessThanOrEqual(32);
      expect(SEARCH_COMMAND.parameterTitle[language].length).toBeLessThanOrEqual(32);
      expect(SEARCH_COMMAND.description[language].length).toBeLessThanOrEqual(128);
      expect(SEARCH_COMMAND.parameterDescription[language].length).toBeLessThanOrEqual(128);
    }
  });

  it('unfurls links of the app’s own domain, which the manifest lists as valid', () => {
    expect(manifest.composeExtensions![0]!.messageHandlers).toEqual([{ type: 'link', value: { domains: ['${{BOT_DOMAIN}}'] } }]);
    expect(filled.composeExtensions![0]!.messageHandlers![0]!.value.domains).toEqual(['gyoseidev01-app.azurewebsites.net']);
    expect(checkManifestRules(filled, JSON.stringify(filled))).toEqual([]);
    const elsewhere = {
      ...filled,
      composeExtensions: [{ ...filled.composeExtensions![0]!, messageHandlers: [{ type: 'link', value: { domains: ['evil.example'] } }] }],
    };
    expect(checkManifestRules(elsewhere, JSON.stringify(elsewhere))).toEqual([
      'manifest.json: composeExtensions[0] unfurls links of evil.example, which is not in validDomains',
    ]);
  });

  it('counts the extension’s strings among those en-us.json must translate, and reports a missing one', () => {
    const keys = [...localizableEntries(manifest).keys()].filter((key) => key.startsWith('composeExtensions'));
    expect(keys).toEqual([
      'composeExtensions[0].commands[0].title',
      'composeExtensions[0].commands[0].description',
      'composeExtensions[0].commands[0].parameters[0].title',
      'composeExtensions[0].commands[0].parameters[0].description',
    ]);
    const broken = { ...english };
    delete broken['composeExtensions[0].commands[0].parameters[0].title'];
    expect(checkLocalizationComplete(manifest, broken, 'en-us.json')).toEqual([
      'en-us.json: missing translation for "composeExtensions[0].commands[0].parameters[0].title"',
    ]);
  });

  it('passes the bundled Teams schema offline, in the manifest and in en-us.json', async () => {
    expect(await validateManifestSchema(filled)).toEqual([]);
    const filledEnglish = JSON.parse(substitutePlaceholders(read('en-us.json'), filledValues).text) as Record<string, unknown>;
    expect(await validateLocalizationSchema(filledEnglish, manifest.manifestVersion, 'en-us.json')).toEqual([]);
  });
});
