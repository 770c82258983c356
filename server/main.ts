/**
 * The process entry point: configuration → store → bootstrap data → HTTP server, and a graceful
 * shutdown on SIGTERM/SIGINT.
 */
import { AppBot, createBotRoute } from '../bot/index.js';
import { createTab } from '../tab/index.js';
import { bootstrap } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { createHttpServer, listen, MAX_BODY_BYTES } from './http-server.js';
import { createLogger } from './logger.js';
import { openUseCaseContext } from './use-case-context.js';

async function start(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.localMode) {
    logger.warn('local mode: no MicrosoftAppId configured; serving loopback only with demo identities');
  }
  const ctx = await openUseCaseContext(config);
  await bootstrap(ctx, config, logger);

  const botRoute = createBotRoute({
    bot: new AppBot(ctx),
    credentials: config.bot,
    allowedTenantIds: config.allowedTenantIds,
    idempotency: ctx.store.repositories.idempotency,
    logger,
    maxBodyBytes: MAX_BODY_BYTES,
  });
  const server = createHttpServer({ store: ctx.store, logger, mounts: [botRoute, createTab({ ctx, logger, config })] });
  const port = await listen(server, config.host, config.port);
  logger.info({ url: `http://${config.host}:${port}`, database: config.databaseUrl ? 'postgres' : 'pglite' }, 'server listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    await ctx.store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

start().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
