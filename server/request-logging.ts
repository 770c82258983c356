import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'restify';
import { currentLogFields, runWithLogFields } from './log-context.js';
import type { Logger } from './logger.js';

const REQUEST_ID_HEADER = 'x-request-id';

/** The logger for handlers further down the chain; its lines carry the request id (see `createLogger`). */
export function requestLogger(req: Request): Logger | undefined {
  return (req as Request & { requestLog?: Logger }).requestLog;
}

/**
 * Gives every request an id (the caller's `x-request-id` when it is a sane token, else a new one),
 * echoes it in the response, runs the rest of the chain in a log context carrying it, and logs one
 * line per request with status and duration and whatever the handler added to the context (a bot
 * activity's id), so one request or activity can be followed through the logs. The query string is
 * logged too; the logger redacts credentials in it and in paths (`server/log-redaction.ts`).
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const offered = req.header(REQUEST_ID_HEADER);
    const requestId = offered && /^[\w.-]{1,64}$/.test(offered) ? offered : randomUUID();
    (req as Request & { requestLog?: Logger }).requestLog = logger;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    runWithLogFields({ requestId }, () => {
      // 'finish' is emitted outside the request's async context, so the fields are taken along.
      const fields = currentLogFields();
      res.once('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const query = req.getQuery();
        logger.info(
          { ...fields, method: req.method, path: req.path(), ...(query ? { query } : {}), status: res.statusCode, ms: Math.round(ms * 10) / 10 },
          'request',
        );
      });
      next();
    });
  };
}
