import { AsyncLocalStorage } from 'node:async_hooks';

/** The fields every log line of one request carries: its id, and what the handler adds (the activity). */
export type LogFields = Record<string, unknown>;

const storage = new AsyncLocalStorage<LogFields>();

/**
 * Runs `work` with its own log fields: every line any logger from `createLogger` writes while it
 * runs (and in whatever it awaits or schedules) carries them, without passing a logger around.
 */
export function runWithLogFields<T>(fields: LogFields, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

/**
 * Adds fields to the current request's log context, for what the handler learns after the request
 * starts (a bot activity's id and conversation, known once its body is parsed). Outside a request
 * it does nothing.
 */
export function addLogFields(fields: LogFields): void {
  const store = storage.getStore();
  if (store) Object.assign(store, fields);
}

/** The current context's fields (pino's `mixin`). */
export function currentLogFields(): LogFields {
  return storage.getStore() ?? {};
}
