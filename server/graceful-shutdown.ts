import type restify from 'restify';
import type { Store } from '../shared/ports/store.js';
import { closeGracefully } from './http-server.js';
import type { Logger } from './logger.js';

/** What closing the database may take after the drain, before the process exits anyway. */
const STORE_CLOSE_TIMEOUT_MS = 5_000;

/**
 * On SIGTERM (App Service stopping or scaling in an instance) or SIGINT: stop accepting
 * connections and let the requests in flight finish within `drainMs`, meanwhile stop the other
 * components (`beforeClose`: the notification scheduler hands back what it claimed), then close
 * the database and exit 0. Should all that hang, the process exits 1 after `drainMs` + 5 s.
 */
export function exitGracefullyOnSignals(deps: {
  readonly server: restify.Server;
  readonly store: Store;
  readonly logger: Logger;
  readonly drainMs: number;
  readonly beforeClose?: readonly (() => Promise<void>)[];
}): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const { logger, drainMs } = deps;
    logger.info({ signal, drainMs }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting anyway');
      logger.flush();
      process.exit(1);
    }, drainMs + STORE_CLOSE_TIMEOUT_MS).unref();

    const components = Promise.allSettled((deps.beforeClose ?? []).map((stopComponent) => stopComponent()));
    const { drained } = await closeGracefully(deps.server, drainMs);
    if (drained) logger.info('requests in flight finished');
    else logger.warn({ drainMs }, 'requests still in flight after the drain time were cut');
    for (const result of await components) {
      if (result.status === 'rejected') logger.error({ err: result.reason }, 'a component failed to stop');
    }
    try {
      await deps.store.close();
    } catch (error) {
      logger.error({ err: error }, 'the database did not close cleanly');
    }
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
