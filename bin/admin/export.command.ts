import fs from 'node:fs/promises';
import { exportProposalsCsv } from '../../shared/use-cases/proposal-export.js';
import { CliError, cliMessage } from './cli-messages.js';
import type { CliCommand } from './cli-command.js';

/** `export proposals --csv [--out file] [--call id]`: writes to a file, or to stdout without --out. */
export const exportCommand: CliCommand = async ({ words, flags, locale, context }) => {
  if (words[0] !== 'proposals' || !flags.csv) throw new CliError('missingArgument', { argument: 'proposals --csv' });
  const ctx = await context();
  const callId = typeof flags.call === 'string' ? flags.call : undefined;
  const { csv, count } = await exportProposalsCsv(ctx, undefined, { callId, locale });
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  if (!out) return csv;
  await fs.writeFile(out, csv, 'utf8');
  return cliMessage('exported', locale, { count, file: out });
};
