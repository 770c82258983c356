import { formatTrapReport, findTraps } from '../../shared/programme/trap-report.js';
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

/** `check <file>`: validates and reports the source document's traps; never touches the database. */
export const checkCommand: CliCommand = async ({ words, locale }) => {
  const { traps } = await load(words[0]);
  return [cliMessage('checked', locale), formatTrapReport(traps, locale)].join('\n');
};

/** `import <file>`: validates, reports traps, then upserts everything in one transaction. */
export const importCommand: CliCommand = async ({ words, locale, context }) => {
  const { programme, traps } = await load(words[0]);
  const summary = await importProgramme(await context(), programme);
  return [formatTrapReport(traps, locale), cliMessage('imported', locale, summary)].join('\n');
};
