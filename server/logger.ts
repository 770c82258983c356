import { pino, type DestinationStream, type Logger } from 'pino';
import { currentLogFields } from './log-context.js';
import { redactLogFields, redactSecrets } from './log-redaction.js';

/**
 * Structured JSON logs on stdout, the format App Service and Application Insights collect. Each
 * line written while a request is handled carries that request's `requestId` (and, for a bot
 * activity, `activityId`, `activityType`, `conversationId`): see `server/log-context.ts`. Secrets in
 * URLs are redacted from every line (`server/log-redaction.ts`).
 *
 * stdout is written asynchronously: while one write is with the OS, further lines gather and go
 * in the next, so a busy instance makes one system call for many lines instead of one per line
 * (a bot turn's largest single cost after its database round trips; bench/bot-throughput.ts).
 * pino flushes what is gathered when the process exits, a crash included; only `kill -9` can
 * lose the lines of the last write.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'gyosei-keiei-teams' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // A copy: pino merges each line's own fields into what the mixin returns.
    mixin: () => ({ ...currentLogFields() }),
    // No secret carried in a URL (a calendar feed's, a token in a query string) is written out.
    formatters: { log: (fields: Record<string, unknown>) => redactLogFields(fields) },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: Logger['info']) {
        method.apply(this, args.map((arg: unknown) => (typeof arg === 'string' ? redactSecrets(arg) : arg)) as Parameters<Logger['info']>);
      },
    },
  };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

export type { Logger };
