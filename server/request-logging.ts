import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'restify';
import type { Logger } from './logger.js';

const REQUEST_ID_HEADER = 'x-request-id';

/** The per-request child logger, carrying the request id, for handlers further down the chain. */
export function requestLogger(req: Request): Logger | undefined {
  return (req as Request & { requestLog?: Logger }).requestLog;
}

/**
 * Gives every request an id (the caller's `x-request-id` when it is a sane token, else a new one),
 * echoes it in the response and logs one line per request with status and duration, so one bot
 * activity can be followed through the logs.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const offered = req.header(REQUEST_ID_HEADER);
    const requestId = offered && /^[\w.-]{1,64}$/.test(offered) ? offered : randomUUID();
    const log = logger.child({ requestId });
    (req as Request & { requestLog?: Logger }).requestLog = log;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, path: req.path(), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
