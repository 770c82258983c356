import { pino, type DestinationStream, type Logger } from 'pino';
import { currentLogFields } from './log-context.js';

/**
 * Structured JSON logs on stdout, the format App Service and Application Insights collect. Each
 * line written while a request is handled carries that request's `requestId` (and, for a bot
 * activity, `activityId`, `activityType`, `conversationId`): see `server/log-context.ts`.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'gyosei-keiei-teams' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // A copy: pino merges each line's own fields into what the mixin returns.
    mixin: () => ({ ...currentLogFields() }),
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
