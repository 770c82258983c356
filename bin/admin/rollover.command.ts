import { rollOverFiscalYear } from '../../shared/use-cases/fiscal-year-rollover.js';
import { CliError, cliMessage } from './cli-messages.js';
import type { CliCommand } from './cli-command.js';

/** `rollover --to <fiscal year>`: copies the previous year's cycle as drafts. */
export const rolloverCommand: CliCommand = async ({ flags, locale, context }) => {
  const text = typeof flags.to === 'string' ? flags.to : '';
  if (!/^\d{4}$/.test(text)) throw new CliError('invalidYear', { value: text || '--to' });
  const to = Number(text);
  const result = await rollOverFiscalYear(await context(), to);
  return cliMessage('rolledOver', locale, { from: to - 1, to, calls: result.calls.length, milestones: result.milestones.length });
};
