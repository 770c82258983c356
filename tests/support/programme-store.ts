import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import type { Store } from '../../shared/ports/store.js';
import type { Clock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { importProgramme } from '../../shared/use-cases/programme-import.js';
import { applyStaffImport, planStaffImport } from '../../shared/use-cases/staff-import.js';
import { openPgliteStore } from './test-store.js';

const PROGRAMME_DIR = path.resolve(import.meta.dirname, '../../shared/programme');

/** The FY2024 programme file as shipped. */
export const PROGRAMME_YAML = readFileSync(path.join(PROGRAMME_DIR, 'fy2024.yaml'), 'utf8');

/** A store (PGlite unless told) holding the FY2024 programme and the demo staff directory, as a fresh install has. */
export async function openProgrammeContext(clock: Clock, openStore: () => Promise<Store> = openPgliteStore): Promise<UseCaseContext> {
  let counter = 0;
  const ctx: UseCaseContext = { store: await openStore(), clock, newId: () => `test-${++counter}` };
  await importProgramme(ctx, toDomain(parseProgrammeFile(PROGRAMME_YAML)));
  await applyStaffImport(ctx, await planStaffImport(ctx, await fs.readFile(path.join(PROGRAMME_DIR, 'demo-staff.csv'), 'utf8')));
  return ctx;
}
