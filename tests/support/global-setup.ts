import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { buildIfChanged } from '../../bin/build.js';
import { createStore } from '../../store/create-store.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a freshly migrated PGlite data folder; each test store starts from a copy. */
    pgliteTemplatePath: string;
  }
}

/**
 * PGlite's first open runs initdb (~5 s, ~850 MB peak). Doing that once and handing every test
 * file a copy of the migrated data folder keeps the suite fast and its memory bounded.
 */
export default async function setup(project: TestProject): Promise<void> {
  // The tests that run the app or the CLI as a child process run what `npm start` and
  // `npm run admin` run, built: built once here (nothing when unchanged), before any test starts,
  // rather than by whichever test comes first while another waits or compiles TypeScript per run.
  buildIfChanged({ targets: ['server', 'database'] });
  const outputDir = path.resolve('test-output');
  await fs.mkdir(outputDir, { recursive: true });
  const templatePath = path.join(outputDir, 'pglite-template.tar.gz');
  const pglite = await PGlite.create();
  const store = await createStore({ pglite });
  const dump = await pglite.dumpDataDir('gzip');
  await fs.writeFile(templatePath, Buffer.from(await dump.arrayBuffer()));
  await store.close();
  project.provide('pgliteTemplatePath', templatePath);
}
