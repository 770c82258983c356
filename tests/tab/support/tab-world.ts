import { ManualClock } from '../../../shared/time/clock.js';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import type { TabAuthSettings, TabNotificationTools } from '../../../tab/api/index.js';
import { openInspectablePgliteStore, type TableContents } from '../../support/test-store.js';
import { NOW, seedProgramme } from './tab-seed.js';
import { serveTab } from './tab-server.js';

export * from './tab-seed.js';
export { localToken } from './tab-server.js';

export interface TabWorld {
  readonly ctx: UseCaseContext;
  readonly clock: ManualClock;
  readonly baseUrl: string;
  readonly logs: { msg: string; reason?: string }[];
  /** Every row of every table, to show that a refused request wrote nothing. */
  tables(): Promise<TableContents>;
  close(): Promise<void>;
}

/** A real restify server on an ephemeral port with the tab mounted, over a seeded PGlite store. */
export interface TabWorldOptions {
  auth: TabAuthSettings;
  nodeEnv?: string;
  distDir?: string;
  maxBodyBytes?: number;
  /** The bot's renderer and sender for the notification preview and test send (absent: 503). */
  notifications?: (ctx: UseCaseContext) => TabNotificationTools;
}

export async function startTabWorld(options: TabWorldOptions): Promise<TabWorld> {
  const clock = new ManualClock(NOW);
  let counter = 0;
  const { store, tables } = await openInspectablePgliteStore();
  const ctx: UseCaseContext = { store, clock, newId: () => `id-${++counter}` };
  await seedProgramme(ctx);
  const server = await serveTab(ctx, { ...options, notifications: options.notifications?.(ctx) });
  return {
    ctx,
    clock,
    baseUrl: server.baseUrl,
    logs: server.logs,
    tables,
    async close() {
      server.close();
      await ctx.store.close();
    },
  };
}
