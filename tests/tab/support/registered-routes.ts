import { pino } from 'pino';
import type { Server } from 'restify';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import { createTabRoutes } from '../../../tab/api/index.js';

export interface RegisteredRoute {
  /** `GET`, `POST`, … as HTTP spells it. */
  readonly method: string;
  /** The path as registered, with its `:parameters`. */
  readonly path: string;
}

/**
 * Every route the tab's API registers, read by mounting it on a recorder instead of a server, so
 * a test that walks them covers a route added later without being told. No vitest import.
 */
export function registeredTabRoutes(): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const recorder = new Proxy(
    {},
    { get: (_target, method: string) => (path: string) => void routes.push({ method: method === 'del' ? 'DELETE' : method.toUpperCase(), path }) },
  );
  const ctx = { store: { repositories: {} } } as unknown as UseCaseContext;
  createTabRoutes({ ctx, logger: pino({ level: 'silent' }), auth: { mode: 'local' }, nodeEnv: 'test' })(recorder as Server);
  return routes;
}
