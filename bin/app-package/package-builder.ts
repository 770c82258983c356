import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import type { LoadedEnvironment } from './env-file.js';
import { asManifest } from './manifest-types.js';
import { substitutePlaceholders } from './placeholders.js';

export interface BuildOptions {
  /** The folder holding manifest.json, its localisation files and icons. */
  readonly appPackageDir: string;
  readonly environment: LoadedEnvironment;
  readonly outFile: string;
}

/** Something the package cannot be built with; the message names the file and the variable. */
export class PackageError extends Error {
  override name = 'PackageError';
}

/**
 * Writes the app package zip: manifest.json and its localisation files with every `${{VAR}}`
 * replaced from the environment, and the two icons. Refuses, naming each placeholder, when any
 * is unresolved, so a half-provisioned environment never produces a zip.
 */
export function buildAppPackage({ appPackageDir, environment, outFile }: BuildOptions): { zipPath: string; entries: string[] } {
  const rendered = new Map<string, Buffer>();
  const unresolved: string[] = [];
  const render = (file: string): string => {
    const source = readPackageFile(appPackageDir, file).toString('utf8');
    const { text, unresolved: missing } = substitutePlaceholders(source, environment.values);
    unresolved.push(...missing.map((name) => `${file}: \${{${name}}}`));
    rendered.set(file, Buffer.from(text, 'utf8'));
    return text;
  };

  const manifestText = render('manifest.json');
  const manifest = asManifest(parseJson(manifestText, 'manifest.json'));
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) render(file);
  if (unresolved.length > 0) {
    throw new PackageError(
      `unresolved placeholders (no value in ${environment.files.map((f) => path.basename(f)).join(' or ')}):\n  ${unresolved.join('\n  ')}`,
    );
  }
  for (const file of [manifest.icons.color, manifest.icons.outline]) rendered.set(file, readPackageFile(appPackageDir, file));

  const zip = new AdmZip();
  for (const [file, content] of rendered) zip.addFile(file, content);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  zip.writeZip(outFile);
  return { zipPath: outFile, entries: [...rendered.keys()] };
}

function readPackageFile(dir: string, file: string): Buffer {
  const resolved = path.resolve(dir, file);
  if (path.relative(dir, resolved).startsWith('..') || path.dirname(file) !== '.') {
    throw new PackageError(`${file}: package files must sit at the root of ${dir}`);
  }
  if (!fs.existsSync(resolved)) throw new PackageError(`${file}: not found in ${dir}`);
  return fs.readFileSync(resolved);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PackageError(`${file}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
