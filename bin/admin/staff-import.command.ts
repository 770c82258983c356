import { unlinkStaffAccount } from '../../shared/use-cases/staff-identity.js';
import { applyStaffImport, planStaffImport } from '../../shared/use-cases/staff-import.js';
import { CliError, cliMessage } from './cli-messages.js';
import type { CliCommand } from './cli-command.js';
import { readInputFile } from './read-input-file.js';

/**
 * `staff import <csv>`: checks the whole file first; any bad line aborts with nothing written.
 * `staff unlink <upn>`: clears a person's account link, when the account they use has changed.
 */
export const staffImportCommand: CliCommand = async ({ words, locale, context }) => {
  if (words[0] === 'unlink') {
    const upn = words[1];
    if (!upn) throw new CliError('missingArgument', { argument: '<upn>' });
    const previous = await unlinkStaffAccount(await context(), upn);
    return previous ? cliMessage('staffUnlinked', locale, { upn, objectId: previous }) : cliMessage('staffNotLinked', locale, { upn });
  }
  if (words[0] !== 'import') throw new CliError('unknownCommand', { command: `staff ${words[0] ?? ''}`.trim() });
  const file = words[1];
  if (!file) throw new CliError('missingArgument', { argument: '<csv>' });
  const text = await readInputFile(file);
  const ctx = await context();
  const plan = await planStaffImport(ctx, text);
  await applyStaffImport(ctx, plan);
  const count = (outcome: string) => plan.filter((line) => line.outcome === outcome).length;
  return cliMessage('staffImported', locale, { created: count('created'), updated: count('updated'), unchanged: count('unchanged') });
};
