/**
 * The process entry point: configuration → store → bootstrap data → HTTP server, and a graceful
 * shutdown on SIGTERM/SIGINT.
 */
import { DataFolderInUse } from '../store/data-folder-lock.js';
import { createPostgresSendBudget } from '../store/postgres-send-budget.js';
import { bootstrap } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { exitGracefullyOnSignals } from './graceful-shutdown.js';
import { createHttpServer, listen, MAX_BODY_BYTES, type ReadinessCheck } from './http-server.js';
import { addLogFields } from './log-context.js';
import { createLogger } from './logger.js';
import { dataFolderInUseMessage } from './startup-messages.js';
import { createNotificationScheduler, createProcessSendBudget } from './notification-scheduler.js';
import { budgetedSender } from '../shared/notifications/budgeted-sender.js';
import { openUseCaseContext } from './use-case-context.js';

async function start(): Promise<void> {
  // Every setting is checked before the database is touched: a bad one changes nothing.
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.localMode) {
    logger.warn('local mode: no MicrosoftAppId configured; serving loopback only with demo identities');
  }
  if (config.embeddedInProduction) {
    logger.warn({ dataDir: config.dataDir }, 'EMBEDDED_DATABASE=single-instance: PGlite outside local mode; run exactly one instance, and back up DATA_DIR');
  }
  // The bot's and the tab's modules (botbuilder is most of the start-up's JavaScript) load while
  // the embedded database opens: a warm start waits for the longer of the two, not their sum.
  const [ctx, { AppBot, createBotRoute, createNotificationDelivery, DEFAULT_TYPING_DELAY_MS }, { createTab }] = await Promise.all([
    openUseCaseContext(config),
    import('../bot/index.js'),
    import('../tab/index.js'),
  ]);
  await bootstrap(ctx, config, logger);

  const botRoute = createBotRoute({
    bot: new AppBot(ctx, { typingDelayMs: DEFAULT_TYPING_DELAY_MS, tabHost: config.tab.domain }),
    credentials: config.bot,
    allowedTenantIds: config.allowedTenantIds,
    idempotency: ctx.store.repositories.idempotency,
    logger,
    maxBodyBytes: MAX_BODY_BYTES,
    addLogFields,
  });
  // Components that must run before this instance takes traffic add a check here (GET /api/ready).
  const readiness: ReadinessCheck[] = [];
  // Instances on one server share Teams' per-tenant budget through it; PGlite is one process.
  const budget =
    config.notifications.enabled && config.databaseUrl
      ? createPostgresSendBudget({
          databaseUrl: config.databaseUrl,
          onReleaseError: (error) => logger.warn({ err: error }, 'send budget: completion not recorded; the slot lapses with its lease'),
        })
      : undefined;
  // One renderer and one sender for the scheduler and the tab's preview and test send; one budget for
  // both, so a test send never lets the dispatcher exceed Teams' limits.
  const delivery = createNotificationDelivery(config.bot, ctx.store.repositories, { teamsAppId: ctx.teamsAppId });
  const sendBudget = budget ?? createProcessSendBudget();
  const scheduler = config.notifications.enabled
    ? createNotificationScheduler({
        ctx,
        ...delivery,
        logger,
        leaseMs: config.notifications.leaseMs,
        dispatchIntervalMs: config.notifications.intervalMs,
        budget: sendBudget,
      })
    : undefined;
  // With sending switched off the tab may still preview, but sends nothing.
  const notifications = {
    renderer: delivery.renderer,
    ...(config.notifications.enabled ? { sender: budgetedSender(delivery.sender, sendBudget) } : {}),
  };
  if (scheduler) readiness.push({ name: 'scheduler', check: async () => scheduler.isRunning() });
  const server = createHttpServer({ store: ctx.store, logger, readiness, mounts: [botRoute, createTab({ ctx, logger, config, notifications })] });
  const port = await listen(server, config.host, config.port);
  logger.info({ url: `http://${config.host}:${port}`, database: config.databaseUrl ? 'postgres' : 'pglite' }, 'server listening');

  scheduler?.start();

  const stopScheduler = async () => {
    await scheduler?.stop();
    await budget?.close();
  };
  exitGracefullyOnSignals({ server, store: ctx.store, logger, drainMs: config.shutdownDrainMs, beforeClose: scheduler ? [stopScheduler] : [] });
}

start().catch((error: unknown) => {
  // A refusal the operator can act on is one line (two for the data folder: Japanese, then English);
  // anything else is a bug and keeps its stack.
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof DataFolderInUse) process.stderr.write(`${dataFolderInUseMessage(error, 'ja')}\n${dataFolderInUseMessage(error, 'en')}\n`);
  else process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
