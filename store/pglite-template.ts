import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { LOCK_FILE_NAME } from './data-folder-lock.js';

/**
 * A first start on an empty PGlite folder runs initdb: seconds of CPU and a peak near 850 MB. The
 * build instead writes one initialised cluster per PGlite version (`dumpDataDir`), and an empty
 * folder is filled from it (`loadDataDir`) — under a second, and about half the memory. The file
 * name carries the PGlite version, so a template made by another version is never opened; without
 * a template the folder is initialised as before.
 */

const PGLITE_VERSION = installedPgliteVersion();

/** The package does not export its package.json: read the one above its entry point. */
function installedPgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (name === '@electric-sql/pglite' && version) return version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('the installed @electric-sql/pglite has no package.json');
    dir = parent;
  }
}

/** The template's path in `dir` for the installed PGlite. */
export function pgliteTemplateFile(dir: string): string {
  return path.join(dir, `pglite-${PGLITE_VERSION}-initdb.tar.gz`);
}

/** Writes a freshly initialised, empty cluster to `pgliteTemplateFile(dir)` (written aside, then renamed). */
export async function writePgliteTemplate(dir: string): Promise<string> {
  const file = pgliteTemplateFile(dir);
  const pglite = await PGlite.create();
  try {
    const dump = await pglite.dumpDataDir('gzip');
    fs.mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await pglite.close();
  }
  return file;
}

export type PgliteOpening = 'existing cluster' | 'from template' | 'initdb';

/**
 * Opens PGlite on `dataDir`: the cluster already there, else one loaded from the template when the
 * folder holds no cluster yet and a template for this PGlite exists, else a new one (initdb).
 */
export async function openPglite(dataDir: string, templateDir: string | undefined): Promise<{ pglite: PGlite; opening: PgliteOpening }> {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return { pglite: await PGlite.create(dataDir), opening: 'existing cluster' };
  const template = templateDir ? pgliteTemplateFile(templateDir) : undefined;
  if (template && fs.existsSync(template)) {
    try {
      const pglite = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(template)]) });
      return { pglite, opening: 'from template' };
    } catch {
      // An unreadable template: leave no half-loaded cluster behind, and initialise as without one.
      clearCluster(dataDir);
    }
  }
  return { pglite: await PGlite.create(dataDir), opening: 'initdb' };
}

/** Removes what a failed load wrote; the folder's other files (the lock) stay. */
function clearCluster(dataDir: string): void {
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.name === LOCK_FILE_NAME) continue;
    fs.rmSync(path.join(dataDir, entry.name), { recursive: true, force: true });
  }
}
