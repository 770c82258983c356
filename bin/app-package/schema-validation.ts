import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import type { LocalizationDocument, TeamsManifestDocument } from './manifest-types.js';

type BundledSchema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

const require = createRequire(import.meta.url);
const schemaRoot = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams');

/** The Teams schema versions bundled with @microsoft/app-manifest, e.g. `1.25`. */
export function bundledSchemaVersions(): string[] {
  return fs
    .readdirSync(schemaRoot)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1));
}

function loadBundledSchema(version: string, file: string): BundledSchema {
  const schemaPath = path.join(schemaRoot, `v${version}`, file);
  if (!fs.existsSync(schemaPath)) {
    throw new Error(`no bundled schema ${file} for manifest version ${version} (bundled: ${bundledSchemaVersions().join(', ')})`);
  }
  // The package applies the same clean-up when it reads its own copies: some descriptions hold \a and \v escapes.
  const text = fs.readFileSync(schemaPath, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return withUnicodeSafePatterns(JSON.parse(text)) as BundledSchema;
}

/**
 * Ajv compiles patterns with the `u` flag, under which a lone `]` is a syntax error; some bundled
 * localisation schemas have one (`…\\b]\\.description$`). Escaping it keeps the meaning.
 */
function withUnicodeSafePatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withUnicodeSafePatterns);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([key, value]) => {
      if (key === 'patternProperties' && typeof value === 'object' && value !== null) {
        return [key, Object.fromEntries(Object.entries(value).map(([pattern, schema]) => [escapeLoneBrackets(pattern), withUnicodeSafePatterns(schema)]))];
      }
      if (key === 'pattern' && typeof value === 'string') return [key, escapeLoneBrackets(value)];
      return [key, withUnicodeSafePatterns(value)];
    }),
  );
}

function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      out += char + (pattern[i + 1] ?? '');
      i++;
    } else if (char === '[' && !inClass) {
      inClass = true;
      out += char;
    } else if (char === ']') {
      out += inClass ? char : '\\]';
      inClass = false;
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * Validates a manifest against the schema of its own `manifestVersion`, loaded from the copy
 * bundled with @microsoft/app-manifest: never the network, so it runs in CI and offline.
 */
export async function validateManifestSchema(manifest: TeamsManifestDocument): Promise<string[]> {
  const schema = loadBundledSchema(manifest.manifestVersion, 'MicrosoftTeams.schema.json');
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
  return errors.map((error) => `manifest.json: ${error.trim()}`);
}

/** Validates a localisation file against the localisation schema of the manifest's version. */
export async function validateLocalizationSchema(localization: LocalizationDocument, manifestVersion: string, file: string): Promise<string[]> {
  const problems: string[] = [];
  const declared = typeof localization.$schema === 'string' ? /\/v(\d+\.\d+)\//.exec(localization.$schema)?.[1] : undefined;
  if (declared !== manifestVersion) {
    problems.push(`${file}: $schema is for version ${declared ?? '(none)'}, the manifest is ${manifestVersion}`);
  }
  const schema = loadBundledSchema(manifestVersion, 'MicrosoftTeams.Localization.schema.json');
  const errors = await AppManifestUtils.validateAgainstSchema(localization as unknown as AppManifest, schema);
  return [...problems, ...errors.map((error) => `${file}: ${error.trim()}`)];
}
