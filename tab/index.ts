/**
 * The tab's composition root: the JSON API (`/api/v1/`) and the built web app (`/tab/`), mounted
 * on the process's one restify server. Nothing here imports botbuilder.
 */
import path from 'node:path';
import type { Server } from 'restify';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { createTabRoutes, type TabLogger, type TabNotificationTools } from './api/index.js';
import { createTabStaticRoute } from './static.js';

export { createTabRoutes } from './api/index.js';
export { createTabStaticRoute } from './static.js';

/** The parts of the server's configuration the tab reads (`AppConfig` satisfies it). */
export interface TabHostConfig {
  readonly nodeEnv: string;
  readonly localMode: boolean;
  readonly allowedTenantIds: readonly string[];
  readonly bot: { readonly appId?: string | undefined; readonly tenantId?: string | undefined };
  readonly tab: { readonly clientId?: string | undefined; readonly domain?: string | undefined; readonly distDir: string };
}

/**
 * Both route groups from the server's configuration. Outside local mode the tab trusts Teams SSO
 * tokens for its app registration (by default the bot's, as the Agents Toolkit's SSO templates
 * register one app for both) from the allowed tenants.
 */
export function createTab(deps: {
  ctx: UseCaseContext;
  logger: TabLogger;
  config: TabHostConfig;
  maxBodyBytes?: number;
  notifications?: TabNotificationTools;
}): (server: Server) => void {
  const { config } = deps;
  const tenants = [...config.allowedTenantIds, ...(config.bot.tenantId ? [config.bot.tenantId] : [])];
  const api = createTabRoutes({
    ctx: deps.ctx,
    logger: deps.logger,
    nodeEnv: config.nodeEnv,
    maxBodyBytes: deps.maxBodyBytes,
    notifications: deps.notifications,
    auth: config.localMode
      ? { mode: 'local' }
      : { mode: 'entra', clientId: config.tab.clientId ?? config.bot.appId ?? '', domain: config.tab.domain, allowedTenantIds: [...new Set(tenants)] },
  });
  const web = createTabStaticRoute({ distDir: path.resolve(config.tab.distDir) });
  return (server) => {
    api(server);
    web(server);
  };
}
