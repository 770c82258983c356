import AdmZip from 'adm-zip';
import { checkCommandLists } from './command-checks.js';
import type { ManifestLanguage } from './command-lists.js';
import { checkIcons } from './icon-checks.js';
import { checkLocalizationComplete, localizedCommandLists } from './localization-checks.js';
import { checkManifestRules } from './manifest-rules.js';
import { asManifest, type LocalizationDocument } from './manifest-types.js';
import { validateLocalizationSchema, validateManifestSchema } from './schema-validation.js';

/** The outcome of one named check; an empty `problems` list means it passed. */
export interface CheckResult {
  readonly check: string;
  readonly problems: readonly string[];
}

/**
 * Validates a built app package offline: the bundled Teams schema for the manifest and each
 * localisation file, then our own checks (manifest rules, icons, commands against the bot's
 * parser and catalogue, localisation completeness).
 */
export async function validateAppPackage(zipPath: string): Promise<CheckResult[]> {
  const zip = new AdmZip(zipPath);
  const read = (file: string): Buffer | undefined => zip.getEntry(file)?.getData();
  const manifestBytes = read('manifest.json');
  if (!manifestBytes) return [{ check: 'package', problems: ['manifest.json is not in the package'] }];
  const manifestText = manifestBytes.toString('utf8');
  const manifest = asManifest(JSON.parse(manifestText));

  const results: CheckResult[] = [
    { check: 'schema', problems: await validateManifestSchema(manifest) },
    { check: 'manifest rules', problems: checkManifestRules(manifest, manifestText) },
  ];

  const color = read(manifest.icons.color);
  const outline = read(manifest.icons.outline);
  results.push({
    check: 'icons',
    problems: color && outline ? checkIcons(color, outline) : [`icons ${manifest.icons.color} and ${manifest.icons.outline} must both be in the package`],
  });

  const defaultLanguage = languageOf(manifest.localizationInfo?.defaultLanguageTag ?? 'en-us');
  const commandProblems = defaultLanguage
    ? checkCommandLists(manifest.bots?.[0]?.commandLists ?? [], defaultLanguage, 'manifest.json')
    : [`manifest.json: default language ${manifest.localizationInfo?.defaultLanguageTag} has no command names in the catalogue`];
  const localizationProblems: string[] = [];
  for (const { languageTag, file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const bytes = read(file);
    if (!bytes) {
      localizationProblems.push(`${file} (${languageTag}) is not in the package`);
      continue;
    }
    const localization = JSON.parse(bytes.toString('utf8')) as LocalizationDocument;
    localizationProblems.push(
      ...(await validateLocalizationSchema(localization, manifest.manifestVersion, file)),
      ...checkLocalizationComplete(manifest, localization, file),
    );
    const language = languageOf(languageTag);
    if (language) commandProblems.push(...checkCommandLists(localizedCommandLists(manifest, localization), language, file));
  }
  results.push({ check: 'commands', problems: commandProblems }, { check: 'localisation', problems: localizationProblems });
  return results;
}

/** The catalogue language of a language tag (`ja-jp` → `ja`), if the bot speaks it. */
function languageOf(tag: string): ManifestLanguage | undefined {
  const primary = tag.toLowerCase().split('-')[0];
  return primary === 'ja' || primary === 'en' ? primary : undefined;
}
