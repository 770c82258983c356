import fs from 'node:fs/promises';
import { parseProgrammeFile, toDomain } from '../shared/programme/programme-loader.js';
import { findTraps } from '../shared/programme/trap-report.js';
import { completeProgrammeData, importProgramme } from '../shared/use-cases/programme-import.js';
import { applyStaffImport, planStaffImport } from '../shared/use-cases/staff-import.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import type { AppConfig } from './config.js';
import { ensureDemoItems } from './demo-data.js';
import type { Logger } from './logger.js';

/**
 * Makes a new installation usable at once: an empty database gets the FY2024 programme and, in
 * local mode, the demo staff directory. Local mode also gets demo items dated relative to today,
 * because the FY2024 dates are past; production never loads demo data.
 *
 * Each step is one transaction that runs whenever what it loads is missing, not only on the very
 * first start: a start killed between two steps leaves the next start to finish the job.
 */
export async function bootstrap(ctx: UseCaseContext, config: AppConfig, logger: Logger): Promise<void> {
  const repos = ctx.store.repositories;
  const file = parseProgrammeFile(await fs.readFile(config.programmeFile, 'utf8'));
  const programme = toDomain(file);
  if ((await repos.bodies.list()).length === 0) {
    const summary = await importProgramme(ctx, programme);
    logger.info({ file: config.programmeFile, ...summary, traps: findTraps(file).length }, 'empty database: imported the FY2024 programme');
  }
  // A database from an earlier version gets what the programme data has gained (the plan record,
  // the events, team rules, unit coverage); a complete one is only read.
  const completed = await completeProgrammeData(ctx, programme);
  if (completed) logger.info({ file: config.programmeFile, records: completed }, 'completed the programme data this database lacked');
  if (config.localMode && (await repos.staff.count()) === 0) {
    const plan = await planStaffImport(ctx, await fs.readFile(config.demoStaffFile, 'utf8'));
    await applyStaffImport(ctx, plan);
    logger.info({ staff: plan.length }, 'local mode: imported the demo staff directory');
  }
  if (config.localMode) {
    const added = await ensureDemoItems(ctx);
    if (added.length) logger.info({ added }, 'local mode: added demo items dated relative to today (marked demo)');
  }
}
