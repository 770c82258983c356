import { findSourceTextTraps, formatTrapReport, findTraps } from '../../shared/programme/trap-report.js';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import { importProgramme } from '../../shared/use-cases/programme-import.js';
import { CliError, cliMessage } from './cli-messages.js';
import type { CliCommand } from './cli-command.js';
import { readInputFile } from './read-input-file.js';

async function load(file: string | undefined) {
  if (!file) throw new CliError('missingArgument', { argument: '<file>' });
  const file_ = parseProgrammeFile(await readInputFile(file));
  return { programme: toDomain(file_), traps: findTraps(file_) };
}

/**
 * `check <file> [--source <extracted text>]`: validates and reports the source document's traps;
 * with `--source` also scans the extracted text itself (repeated page headers). Never touches the database.
 */
export const checkCommand: CliCommand = async ({ words, flags, locale }) => {
  const { traps: fileTraps } = await load(words[0]);
  const source = typeof flags.source === 'string' ? flags.source : undefined;
  const traps = source ? [...fileTraps, ...findSourceTextTraps(await readInputFile(source), source)] : fileTraps;
  return [cliMessage('checked', locale), formatTrapReport(traps, locale)].join('\n');
};

/** `import <file>`: validates, reports traps, then upserts everything in one transaction. */
export const importCommand: CliCommand = async ({ words, locale, context }) => {
  const { programme, traps } = await load(words[0]);
  const summary = await importProgramme(await context(), programme);
  return [formatTrapReport(traps, locale), cliMessage('imported', locale, summary)].join('\n');
};
