import restify from 'restify';
import type { Store } from '../shared/ports/store.js';
import type { Logger } from './logger.js';
import { requestLogging } from './request-logging.js';

/**
 * A component that must be working before the instance takes traffic. `GET /api/ready` runs the
 * database check (reachable, every migration applied) and each registered one; a check that
 * throws or takes longer than `CHECK_TIMEOUT_MS` counts as failing. A component registers by
 * adding itself to the `readiness` list `server/main.ts` passes to `createHttpServer`, e.g.
 * `{ name: 'scheduler', check: async () => scheduler.isRunning() }`.
 */
export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => Promise<boolean>;
}

/** A route group mounted on the server (the bot, the tab's API, the static tab). */
export type RouteMounter = (server: restify.Server) => void;

/** Request bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

/** A probe answers within this, whatever a component does; a slow check is a failing one. */
export const CHECK_TIMEOUT_MS = 2_000;

/** Servers that are shutting down: not ready, and every answer closes its connection. */
const draining = new WeakSet<restify.Server>();

/**
 * The one HTTP server of the process. Health answers even before the bot and tab are mounted so
 * the platform can tell a live process from a dead one.
 */
export function createHttpServer(deps: {
  store: Store;
  logger: Logger;
  mounts?: readonly RouteMounter[];
  /** Read on every `GET /api/ready`, so a component may add itself after the server is built. */
  readiness?: readonly ReadinessCheck[];
}): restify.Server {
  const server = restify.createServer({ name: 'gyosei-keiei-teams', handleUncaughtExceptions: false });
  answerHeadLikeGet(server);
  server.pre(refuseUnparsableUrl(deps.logger));
  server.pre((_req, res, next) => {
    // A keep-alive client would otherwise hold its connection open through the shutdown.
    if (draining.has(server)) res.setHeader('Connection', 'close');
    next();
  });
  // Before routing, so a request for no route (a 404, a 405) is logged with its id too.
  server.pre(requestLogging(deps.logger));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  // Liveness: the process answers. The database state is reported but does not fail the probe,
  // because restarting the process would not bring a database back.
  server.get('/api/health', async (_req, res) => {
    const dbOk = await runCheck(() => deps.store.ping());
    sendJson(res, 200, { status: 'ok', db: dbOk ? 'ok' : 'error' });
  });

  // Readiness: every component that must work before traffic is routed here says so.
  server.get('/api/ready', async (_req, res) => {
    const checks: ReadinessCheck[] = [{ name: 'db', check: () => deps.store.ping() }, ...(deps.readiness ?? [])];
    const results = await Promise.all(checks.map(async ({ name, check }) => [name, await runCheck(check)] as const));
    const stopping = draining.has(server);
    const ready = !stopping && results.every(([, ok]) => ok);
    sendJson(res, ready ? 200 : 503, {
      status: stopping ? 'stopping' : ready ? 'ready' : 'not-ready',
      checks: Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'ok' : 'error'])),
    });
  });

  for (const mount of deps.mounts ?? []) mount(server);

  server.on('restifyError', (req: restify.Request, res: restify.Response, error: Error, callback: () => void) => {
    deps.logger.warn({ path: req.path(), status: res.statusCode, err: error.message }, 'request failed');
    callback();
  });
  return server;
}

/** JSON with its length, written directly: restify's `res.json` leaves both headers out for HEAD. */
function sendJson(res: restify.Response, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

/**
 * Every GET route answers HEAD too, as GET would but without the body: calendar clients, link
 * checkers and caches probe with HEAD, and restify routes HEAD only where `server.head` is called.
 * The same handlers run; Node sends no body to a HEAD request, and the handlers set Content-Length.
 */
function answerHeadLikeGet(server: restify.Server): void {
  const get = server.get.bind(server);
  server.get = ((...args: Parameters<typeof get>) => {
    server.head(...args);
    return get(...args);
  }) as typeof server.get;
}

/**
 * restify 12 builds `req.getUrl()` (behind its router and `req.path()`) with WHATWG `new URL()` from
 * the `Host` header and the request target, neither of which Node's HTTP parser validates as a URL.
 * When they do not parse, the router's call throws outside any handler and the process exits
 * (restify/node-restify#2011; restify 11 parsed the target alone). This runs first and answers such a
 * request 400 itself, writing the response by hand because restify's own error path reads the URL too.
 */
function refuseUnparsableUrl(logger: Logger): restify.RequestHandler {
  return (req, res, next) => {
    try {
      req.getUrl();
    } catch {
      logger.warn({ method: req.method, status: 400 }, 'request refused: its Host header or target is not a URL');
      const body = JSON.stringify({ code: 'BadRequest', message: 'Host header or request target is not a valid URL' });
      res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
      res.end(body);
      return next(false);
    }
    return next();
  };
}

async function runCheck(check: () => Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
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

/**
 * Stops accepting connections, lets the requests in flight finish for at most `drainMs`, then
 * cuts what is left. Resolves `drained: false` when it had to cut. Idle keep-alive connections
 * are closed as they become idle, so a finished request does not hold the shutdown up.
 */
export async function closeGracefully(server: restify.Server, drainMs: number): Promise<{ drained: boolean }> {
  draining.add(server);
  const http = server.server;
  const closed = new Promise<boolean>((resolve) => http.close(() => resolve(true)));
  const sweep = setInterval(() => http.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), drainMs);
  });
  try {
    const drained = await Promise.race([closed, deadline]);
    if (!drained) {
      http.closeAllConnections();
      await closed;
    }
    return { drained };
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}
