import { pino, type Logger } from 'pino';

/** Structured JSON logs on stdout, the format App Service and Application Insights collect. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'gyosei-keiei-teams' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
