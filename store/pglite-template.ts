import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { LOCK_FILE_NAME } from './data-folder-lock.js';

/**
 * A first start on an empty PGlite folder runs initdb: seconds of CPU and a peak near 850 MB. The
 * build instead initialises one cluster per PGlite version, and an empty folder is filled by
 * copying its files, then opened as any existing cluster. (PGlite's own `loadDataDir` unpacks a
 * dump inside the WebAssembly heap, which never shrinks: about 110 MB more resident for the life
 * of the process; a file copy costs none.) The folder name carries the PGlite version, so a
 * template made by another version is never opened; without a template the folder is initialised
 * as before.
 */

/**
 * PostgreSQL's defaults size a server for a hundred connections and 128 MB of buffers; PGlite is
 * one connection in one process, and the app's data is a few MB. These settings halve what the
 * cluster keeps resident (about 290 → 160 MB measured, and a faster open); they are written to
 * the folder's postgresql.conf, so an existing cluster takes them on its next open.
 */
const EMBEDDED_SETTINGS = { postgresqlconf: ['shared_buffers=16MB', 'wal_buffers=1MB', 'max_connections=5'] };

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

/** The template cluster's folder in `dir` for the installed PGlite. */
export function pgliteTemplatePath(dir: string): string {
  return path.join(dir, `pglite-${PGLITE_VERSION}-cluster`);
}

/** The file whose presence marks a folder as holding a cluster; a copy writes it last. */
const CLUSTER_MARKER = 'PG_VERSION';

/** Initialises an empty cluster at `pgliteTemplatePath(dir)` (built aside, then renamed into place). */
export async function writePgliteTemplate(dir: string): Promise<string> {
  const target = pgliteTemplatePath(dir);
  const partial = `${target}.${process.pid}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(partial, EMBEDDED_SETTINGS);
  await pglite.close();
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(partial, target);
  return target;
}

export type PgliteOpening = 'existing cluster' | 'from template' | 'initdb';

/**
 * Opens PGlite on `dataDir`: the cluster already there, else one loaded from the template when the
 * folder holds no cluster yet and a template for this PGlite exists, else a new one (initdb).
 */
export async function openPglite(dataDir: string, templateDir: string | undefined): Promise<{ pglite: PGlite; opening: PgliteOpening }> {
  if (fs.existsSync(path.join(dataDir, CLUSTER_MARKER))) return { pglite: await PGlite.create(dataDir, EMBEDDED_SETTINGS), opening: 'existing cluster' };
  const template = templateDir ? pgliteTemplatePath(templateDir) : undefined;
  if (template && fs.existsSync(path.join(template, CLUSTER_MARKER))) {
    try {
      copyCluster(template, dataDir);
      return { pglite: await PGlite.create(dataDir, EMBEDDED_SETTINGS), opening: 'from template' };
    } catch {
      // An unreadable template: leave no half-copied cluster behind, and initialise as without one.
      clearCluster(dataDir);
    }
  }
  return { pglite: await PGlite.create(dataDir, EMBEDDED_SETTINGS), opening: 'initdb' };
}

/**
 * Copies the template's files into `dataDir`, the marker last: a copy cut short (a crash, a full
 * disk) leaves a folder without the marker, which the next start copies into again.
 */
function copyCluster(template: string, dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  for (const entry of fs.readdirSync(template)) {
    if (entry !== CLUSTER_MARKER) fs.cpSync(path.join(template, entry), path.join(dataDir, entry), { recursive: true, force: true });
  }
  fs.copyFileSync(path.join(template, CLUSTER_MARKER), path.join(dataDir, CLUSTER_MARKER));
}

/** Removes what a failed load wrote; the folder's other files (the lock) stay. */
function clearCluster(dataDir: string): void {
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.name === LOCK_FILE_NAME) continue;
    fs.rmSync(path.join(dataDir, entry.name), { recursive: true, force: true });
  }
}
