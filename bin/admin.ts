/**
 * The operators' CLI: `npm run admin -- <command>` (or `node dist/bin/admin.js <command>`).
 * Messages are Japanese by default, English with `--lang en`; failures exit non-zero having
 * changed nothing.
 */
import { parseArgs } from 'node:util';
import { DomainError, DomainErrors } from '../shared/domain-error.js';
import { errorMessage } from '../shared/i18n/error-messages.js';
import { toLocale, type Locale } from '../shared/i18n/locale.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { loadConfig } from '../server/config.js';
import { dataFolderInUseMessage } from '../server/startup-messages.js';
import { openUseCaseContext } from '../server/use-case-context.js';
import { DataFolderInUse } from '../store/data-folder-lock.js';
import type { CliCommand } from './admin/cli-command.js';
import { CliError, cliMessage } from './admin/cli-messages.js';
import { checkCommand, importCommand } from './admin/programme.command.js';
import { exportCommand } from './admin/export.command.js';
import { listCommand } from './admin/list.command.js';
import { rolloverCommand } from './admin/rollover.command.js';
import { showCommand } from './admin/show.command.js';
import { staffImportCommand } from './admin/staff-import.command.js';

const COMMANDS: Readonly<Record<string, CliCommand>> = {
  import: importCommand,
  check: checkCommand,
  list: listCommand,
  show: showCommand,
  staff: staffImportCommand,
  export: exportCommand,
  rollover: rolloverCommand,
};

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: {
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      out: { type: 'string' },
      call: { type: 'string' },
      to: { type: 'string' },
      lang: { type: 'string' },
      source: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const locale: Locale = toLocale(typeof values.lang === 'string' ? values.lang : 'ja');
  const [name, ...words] = positionals;
  if (!name || values.help) {
    process.stdout.write(cliMessage('usage', locale) + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(cliMessage('unknownCommand', locale, { command: name }) + '\n' + cliMessage('usage', locale) + '\n');
    return 2;
  }

  let opened: UseCaseContext | undefined;
  const context = async () => (opened ??= await openUseCaseContext(loadConfig()));
  try {
    const output = await command({ words, flags: values, locale, context });
    process.stdout.write(output.endsWith('\n') ? output : output + '\n');
    return 0;
  } catch (error) {
    process.stderr.write(describeFailure(error, locale) + '\n');
    return 1;
  } finally {
    await opened?.store.close();
  }
}

function describeFailure(error: unknown, locale: Locale): string {
  if (error instanceof DataFolderInUse) return dataFolderInUseMessage(error, locale, 'cli');
  if (error instanceof CliError) return cliMessage(error.key, locale, error.params);
  if (error instanceof DomainErrors) return error.errors.map((e) => errorMessage(e, locale)).join('\n');
  if (error instanceof DomainError) return errorMessage(error, locale);
  return cliMessage('failed', locale, { message: error instanceof Error ? error.message : String(error) });
}

process.exitCode = await main(process.argv.slice(2));
