import type { Request, Response } from 'restify';
import { toLocale, type Locale } from '../../../shared/i18n/locale.js';
import type { MessageSender, NotificationRenderer } from '../../../shared/ports/notification-ports.js';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import type { TabAuth } from '../auth/tab-auth.js';
import { TokenRejected } from '../auth/token-validator.js';
import { resolveViewer, type Viewer } from '../auth/viewer.js';
import { HttpProblem, toErrorResponse } from './error-response.js';
import { readJsonBody, refuseForbiddenText } from './json-body.js';

/** The few logger methods the tab uses (pino's shape). */
export interface TabLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface ApiDeps {
  readonly ctx: UseCaseContext;
  readonly auth: TabAuth;
  readonly logger: TabLogger;
  readonly maxBodyBytes: number;
  /** What the admin's notification preview and test send need; the server wires the bot's (the tab never imports it). */
  readonly notifications?: TabNotificationTools | undefined;
}

/**
 * Capabilities of the bot the tab may use through `shared/` ports: the card renderer of the
 * dispatcher, and a sender counted against the dispatcher's Teams budget. Either may be absent
 * (sending switched off, or a test that wires neither): the routes needing it answer 503.
 */
export interface TabNotificationTools {
  readonly renderer?: NotificationRenderer | undefined;
  readonly sender?: MessageSender | undefined;
}

/** What a handler answers: JSON (200 unless said), or a file download (text, or the bytes of a document). */
export type ApiReply =
  | { readonly status?: number; readonly json: unknown }
  | { readonly download: { readonly body: string | Uint8Array; readonly contentType: string; readonly filename: string } };

export interface ApiCall {
  readonly req: Request;
  readonly locale: Locale;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, unknown>>;
  /** The parsed JSON body, size-limited; parse it with a zod schema before use. */
  readonly body: () => Promise<unknown>;
}

export interface AuthedCall extends ApiCall {
  readonly viewer: Viewer;
}

/** `?locale=en` first (the tab passes the Teams locale), then Accept-Language; Japanese otherwise. */
export function requestLocale(req: Request): Locale {
  const query = (req.query ?? {}) as Record<string, unknown>;
  if (typeof query.locale === 'string') return toLocale(query.locale);
  return toLocale(req.header('accept-language')?.split(',')[0]);
}

/** The path parameters of a route (restify types them `any`): text, or absent. */
export function routeParams(req: Request): Readonly<Record<string, string | undefined>> {
  return (req.params ?? {}) as Record<string, string | undefined>;
}

function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(req.header('authorization') ?? '');
  return match?.[1];
}

function callOf(deps: ApiDeps, req: Request): ApiCall {
  return {
    req,
    locale: requestLocale(req),
    params: routeParams(req),
    query: (req.query ?? {}) as Record<string, unknown>,
    body: () => readJsonBody(req, deps.maxBodyBytes),
  };
}

/** Path and query parameters are text from the client too: refused like a body's (by parameter name). */
function refuseForbiddenParameters(call: ApiCall): void {
  refuseForbiddenText(call.params);
  refuseForbiddenText(call.query);
}

function send(res: Response, reply: ApiReply): void {
  if ('download' in reply) {
    const { body, contentType, filename } = reply.download;
    const ascii = filename.replace(/[^\w.-]/g, '_');
    res.writeHead(200, {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
    return;
  }
  const payload = JSON.stringify(reply.json);
  res.writeHead(reply.status ?? 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

function fail(deps: ApiDeps, req: Request, res: Response, locale: Locale, error: unknown): void {
  const { status, body, unexpected } = toErrorResponse(error, locale);
  if (unexpected) deps.logger.error({ err: error instanceof Error ? error.message : String(error), path: req.path() }, 'tab api failed');
  if (!res.headersSent) send(res, { status, json: body });
}

/** A route anyone may call (the local sign-in picker); errors are still answered in the caller's language. */
export function publicRoute(deps: ApiDeps, handler: (call: ApiCall) => Promise<ApiReply>) {
  return async (req: Request, res: Response) => {
    const call = callOf(deps, req);
    try {
      refuseForbiddenParameters(call);
      send(res, await handler(call));
    } catch (error) {
      fail(deps, req, res, call.locale, error);
    }
  };
}

/**
 * A route for signed-in callers: the bearer token is validated (401 with `WWW-Authenticate` when
 * missing or refused, the reason logged but never told), the caller is looked up in the directory,
 * and only then the handler runs.
 */
export function authedRoute(deps: ApiDeps, handler: (call: AuthedCall) => Promise<ApiReply>) {
  return async (req: Request, res: Response) => {
    const call = callOf(deps, req);
    const token = bearerToken(req);
    let viewer: Viewer;
    try {
      if (!token) throw new TokenRejected('no bearer token');
      viewer = await resolveViewer(deps.ctx, await deps.auth.validate(token));
    } catch (error) {
      if (!(error instanceof TokenRejected)) return fail(deps, req, res, call.locale, error);
      deps.logger.warn({ reason: error.message, path: req.path() }, 'tab api: token refused');
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      return fail(deps, req, res, call.locale, new HttpProblem(401, 'auth.unauthenticated'));
    }
    // The language the person chose wins over the client's, in answers and error messages alike.
    const locale = viewer.staff?.preferredLocale ?? call.locale;
    try {
      refuseForbiddenParameters(call);
      send(res, await handler({ ...call, locale, viewer }));
    } catch (error) {
      fail(deps, req, res, locale, error);
    }
  };
}
