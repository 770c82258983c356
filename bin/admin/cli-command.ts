import type { Locale } from '../../shared/i18n/locale.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';

/** What every admin command receives: its positional words, its flags, and lazy access to the store. */
export interface CliInvocation {
  readonly words: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
  readonly locale: Locale;
  /** Opens the configured database (and migrates it) on first use; `check` never needs it. */
  readonly context: () => Promise<UseCaseContext>;
}

/** Returns the text to print on stdout. Throws `CliError` or `DomainError(s)` on failure. */
export type CliCommand = (invocation: CliInvocation) => Promise<string>;
