import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { commandListsFromCatalogue, MANIFEST_SCOPES, MAX_MENU_COMMANDS } from '../../bin/app-package/command-lists.js';
import { checkColorIcon, checkOutlineIcon } from '../../bin/app-package/icon-checks.js';
import { checkLocalizationComplete, localizableEntries } from '../../bin/app-package/localization-checks.js';
import { asManifest } from '../../bin/app-package/manifest-types.js';
import { decodePng, readPngSize } from '../../bin/app-package/png-image.js';
import { APP_PACKAGE_DIR } from './package-fixture.js';

const readPackageFile = (file: string): Buffer => fs.readFileSync(path.join(APP_PACKAGE_DIR, file));
const manifest = asManifest(JSON.parse(readPackageFile('manifest.json').toString('utf8')));
const english = JSON.parse(readPackageFile('en-us.json').toString('utf8')) as Record<string, unknown>;

function render(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

describe('icons', () => {
  it('has a 192×192 colour icon and a 32×32 outline icon', () => {
    expect(readPngSize(readPackageFile('color.png'))).toEqual({ width: 192, height: 192 });
    expect(readPngSize(readPackageFile('outline.png'))).toEqual({ width: 32, height: 32 });
  });

  it('draws something on both: neither is blank', () => {
    const outline = decodePng(readPackageFile('outline.png'));
    const opaque = Array.from({ length: 32 * 32 }, (_, i) => outline.pixels[i * 4 + 3]!).filter((alpha) => alpha > 0).length;
    expect(opaque / (32 * 32)).toBeGreaterThan(0.2);
    expect(checkColorIcon(readPackageFile('color.png'))).toEqual([]);
    expect(checkOutlineIcon(readPackageFile('outline.png'))).toEqual([]);
  });

  it('matches its SVG source, so the committed PNGs are not stale', () => {
    for (const [name, size] of [
      ['color', 192],
      ['outline', 32],
    ] as const) {
      const fresh = decodePng(render(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'icons', `${name}.svg`), 'utf8'), size));
      expect(Buffer.from(decodePng(readPackageFile(`${name}.png`)).pixels).equals(Buffer.from(fresh.pixels)), `${name}.png: run tsx bin/render-icons.ts`).toBe(
        true,
      );
    }
  });

  it('refuses a blank colour icon, a wrong size and a coloured outline', () => {
    expect(
      checkColorIcon(render('<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192"><rect width="192" height="192" fill="#24478F"/></svg>', 192)),
    ).toEqual([expect.stringContaining('color.png: is blank')]);
    expect(
      checkColorIcon(render('<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><circle cx="48" cy="48" r="40" fill="red"/></svg>', 96)),
    ).toEqual(['color.png: is 96×96, must be 192×192']);
    expect(
      checkOutlineIcon(render('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><circle cx="16" cy="16" r="12" fill="#F5B335"/></svg>', 32)),
    ).toContainEqual(expect.stringContaining('are not white'));
    expect(
      checkOutlineIcon(render('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" fill="#FFFFFF"/></svg>', 32)),
    ).toContain('outline.png: background is not transparent');
  });
});

describe('localisation', () => {
  it('declares Japanese as the default language and English in en-us.json on the same schema version', () => {
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'ja-jp', additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }] });
    expect(english.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`);
  });

  it('translates every localisable string of the manifest into English', () => {
    expect(checkLocalizationComplete(manifest, english, 'en-us.json')).toEqual([]);
    expect(localizableEntries(manifest).size).toBeGreaterThan(40);
  });

  it('reports a missing translation and a stale key by name', () => {
    const broken: Record<string, unknown> = { ...english, 'staticTabs[5].name': 'Old tab' };
    delete broken['bots[0].commandLists[2].commands[0].description'];
    expect(checkLocalizationComplete(manifest, broken, 'en-us.json')).toEqual([
      'en-us.json: missing translation for "bots[0].commandLists[2].commands[0].description"',
      'en-us.json: "staticTabs[5].name" has no counterpart in manifest.json',
    ]);
  });
});

describe('command lists', () => {
  it('are exactly what the command catalogue generates (run bin/sync-manifest-commands.ts after changing it)', () => {
    expect(manifest.bots?.[0]?.commandLists).toEqual(commandListsFromCatalogue('ja'));
    const englishLists = commandListsFromCatalogue('en');
    for (const [listIndex, list] of englishLists.entries()) {
      for (const [commandIndex, command] of list.commands.entries()) {
        expect(english[`bots[0].commandLists[${listIndex}].commands[${commandIndex}].title`]).toBe(command.title);
      }
    }
  });

  it('has one list per scope with at most ten commands each', () => {
    const lists = manifest.bots?.[0]?.commandLists ?? [];
    expect(lists.map((list) => list.scopes)).toEqual(MANIFEST_SCOPES.map((scope) => [scope]));
    for (const list of lists) expect(list.commands.length).toBeLessThanOrEqual(MAX_MENU_COMMANDS);
  });
});
