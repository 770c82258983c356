import type restify from 'restify';
import { createHttpServer, listen } from '../../../server/http-server.js';
import { createLogger } from '../../../server/logger.js';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import { createTabRoutes, type TabAuthSettings, type TabNotificationTools } from '../../../tab/api/index.js';
import { createTabStaticRoute } from '../../../tab/static.js';

export interface TabServer {
  readonly baseUrl: string;
  readonly logs: { msg: string; reason?: string }[];
  close(): void;
}

/** A real restify server on an ephemeral loopback port with the tab's API (and, given `distDir`, the web app). */
export async function serveTab(
  ctx: UseCaseContext,
  options: { auth: TabAuthSettings; nodeEnv?: string; distDir?: string; maxBodyBytes?: number; notifications?: TabNotificationTools },
): Promise<TabServer> {
  const logs: { msg: string; reason?: string }[] = [];
  // The production logger, so what the tests read is what an operator's log would hold.
  const logger = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line) as TabServer['logs'][number]) });
  const mounts = [
    createTabRoutes({
      ctx,
      logger,
      auth: options.auth,
      nodeEnv: options.nodeEnv ?? 'test',
      maxBodyBytes: options.maxBodyBytes,
      notifications: options.notifications,
    }),
  ];
  if (options.distDir) mounts.push(createTabStaticRoute({ distDir: options.distDir }));
  const server: restify.Server = createHttpServer({ store: ctx.store, logger, mounts });
  const port = await listen(server, '127.0.0.1', 0);
  return { baseUrl: `http://127.0.0.1:${port}`, logs, close: () => void server.close() };
}

/** A local-mode token for a directory entry, from the server's own issuer. */
export async function localToken(baseUrl: string, staffId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/local-auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ staffId }),
  });
  if (!response.ok) throw new Error(`token for ${staffId}: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
