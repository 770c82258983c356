import type { LocalizationDocument, ManifestCommandList, TeamsManifestDocument } from './manifest-types.js';

/**
 * Every localisable string of the manifest with its localisation key, as the Teams localisation
 * schema names them (`name.short`, `staticTabs[0].name`, `bots[0].commandLists[0].commands[0].title`,
 * `composeExtensions[0].commands[0].parameters[0].title`…).
 */
export function localizableEntries(manifest: TeamsManifestDocument): Map<string, string> {
  const entries = new Map<string, string>([
    ['name.short', manifest.name.short],
    ['description.short', manifest.description.short],
    ['description.full', manifest.description.full],
  ]);
  if (manifest.name.full !== undefined) entries.set('name.full', manifest.name.full);
  for (const [index, tab] of (manifest.staticTabs ?? []).entries()) {
    if (tab.name !== undefined) entries.set(`staticTabs[${index}].name`, tab.name);
  }
  for (const [listIndex, list] of (manifest.bots?.[0]?.commandLists ?? []).entries()) {
    for (const [commandIndex, command] of list.commands.entries()) {
      const prefix = `bots[0].commandLists[${listIndex}].commands[${commandIndex}]`;
      entries.set(`${prefix}.title`, command.title);
      entries.set(`${prefix}.description`, command.description);
    }
  }
  for (const [extensionIndex, extension] of (manifest.composeExtensions ?? []).entries()) {
    for (const [commandIndex, command] of extension.commands.entries()) {
      const prefix = `composeExtensions[${extensionIndex}].commands[${commandIndex}]`;
      entries.set(`${prefix}.title`, command.title);
      if (command.description !== undefined) entries.set(`${prefix}.description`, command.description);
      for (const [parameterIndex, parameter] of (command.parameters ?? []).entries()) {
        entries.set(`${prefix}.parameters[${parameterIndex}].title`, parameter.title);
        if (parameter.description !== undefined) entries.set(`${prefix}.parameters[${parameterIndex}].description`, parameter.description);
      }
    }
  }
  return entries;
}

/**
 * A localisation file is complete when it translates every localisable string of the default
 * manifest (non-empty) and has no key the manifest lacks (a stale key after a command was removed).
 */
export function checkLocalizationComplete(manifest: TeamsManifestDocument, localization: LocalizationDocument, file: string): string[] {
  const expected = localizableEntries(manifest);
  const problems: string[] = [];
  for (const key of expected.keys()) {
    const value = localization[key];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${file}: missing translation for "${key}"`);
  }
  for (const key of Object.keys(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (!expected.has(key)) problems.push(`${file}: "${key}" has no counterpart in manifest.json`);
  }
  return problems;
}

/** The manifest's command lists with titles and descriptions taken from a localisation file. */
export function localizedCommandLists(manifest: TeamsManifestDocument, localization: LocalizationDocument): ManifestCommandList[] {
  return (manifest.bots?.[0]?.commandLists ?? []).map((list, listIndex) => ({
    scopes: list.scopes,
    commands: list.commands.map((command, commandIndex) => {
      const prefix = `bots[0].commandLists[${listIndex}].commands[${commandIndex}]`;
      const title = localization[`${prefix}.title`];
      const description = localization[`${prefix}.description`];
      return {
        title: typeof title === 'string' ? title : command.title,
        description: typeof description === 'string' ? description : command.description,
      };
    }),
  }));
}
