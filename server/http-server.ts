import restify from 'restify';
import type { Store } from '../shared/ports/store.js';
import type { Logger } from './logger.js';
import { requestLogging } from './request-logging.js';

/** A component that must be working before the instance takes traffic (database, scheduler). */
export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => Promise<boolean>;
}

/** A route group mounted on the server (the bot, the tab's API, the static tab). */
export type RouteMounter = (server: restify.Server) => void;

/** Request bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The one HTTP server of the process. Health answers even before the bot and tab are mounted so
 * the platform can tell a live process from a dead one.
 */
export function createHttpServer(deps: {
  store: Store;
  logger: Logger;
  mounts?: readonly RouteMounter[];
  readiness?: readonly ReadinessCheck[];
}): restify.Server {
  const server = restify.createServer({ name: 'gyosei-keiei-teams', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(requestLogging(deps.logger));

  // Liveness: the process answers and the database is reachable.
  server.get('/api/health', async (_req, res) => {
    const dbOk = await deps.store.ping().catch(() => false);
    res.status(dbOk ? 200 : 503);
    res.json({ status: dbOk ? 'ok' : 'error', db: dbOk ? 'ok' : 'error' });
  });

  // Readiness: every component that must work before traffic is routed here says so.
  server.get('/api/ready', async (_req, res) => {
    const checks: ReadinessCheck[] = [{ name: 'db', check: () => deps.store.ping() }, ...(deps.readiness ?? [])];
    const results = await Promise.all(checks.map(async ({ name, check }) => [name, await check().catch(() => false)] as const));
    const ready = results.every(([, ok]) => ok);
    res.status(ready ? 200 : 503);
    res.json({ status: ready ? 'ready' : 'not-ready', checks: Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'ok' : 'error'])) });
  });

  for (const mount of deps.mounts ?? []) mount(server);

  server.on('restifyError', (req, res, error, callback) => {
    deps.logger.warn({ path: req.path(), status: res.statusCode, err: error.message }, 'request failed');
    return callback();
  });
  return server;
}

/** Starts listening and resolves with the bound port (useful when PORT=0 in tests). */
export function listen(server: restify.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
