/**
 * Writes the initialised PGlite cluster that an empty DATA_DIR is filled from on first start
 * (store/pglite-template.ts). Run by `bin/build.ts`; usage: `tsx bin/pglite-template.ts <dir>`.
 */
import { writePgliteTemplate } from '../store/pglite-template.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx bin/pglite-template.ts <dir>');
  process.exitCode = 2;
} else {
  console.log(`build: wrote ${await writePgliteTemplate(dir)}`);
}
