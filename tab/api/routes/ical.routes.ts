import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { DomainError } from '../../../shared/domain-error.js';
import { calendarFeedText, rotateCalendarFeed, staffOfCalendarFeed } from '../../../shared/use-cases/calendar-feed.js';
import type { CalendarFeedDto, CalendarFeedUrlsDto } from '../../web/models/api-contract.js';
import { authedRoute, routeParams, type ApiDeps } from '../http/api-route.js';
import { requireStaff } from '../http/input.js';

const FEED_PREFIX = '/api/v1/ical';
const SECRET = /^[A-Za-z0-9_-]{43}$/;
const BODY_ID = /^[\w.:-]{1,100}$/;

/** 256 random bits, URL-safe: the only credential a calendar client sends. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashFeedSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function plain(res: Response, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function notFound(res: Response): void {
  plain(res, 404, 'Not found\n');
}

/**
 * iCalendar feeds for Outlook and other calendar clients, which cannot send a bearer token: the
 * secret in the URL is the credential and only its hash is stored. `…/<secret>.ics` is the
 * person's feed, `…/<secret>/<body id>.ics` one body's meetings. The tab's API rotates the secret.
 */
export function mountIcalRoutes(server: Server, deps: ApiDeps): void {
  const repos = deps.ctx.store.repositories;
  const serve = async (res: Response, secret: string | undefined, bodyId?: string) => {
    try {
      if (!secret || !SECRET.test(secret) || (bodyId !== undefined && !BODY_ID.test(bodyId))) return notFound(res);
      const staff = await staffOfCalendarFeed(deps.ctx, hashFeedSecret(secret));
      if (!staff) return notFound(res);
      const { text } = await calendarFeedText(deps.ctx, staff, { bodyId });
      res.writeHead(200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `inline; filename="${bodyId ?? 'programme'}.ics"`,
        'Cache-Control': 'private, max-age=300',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
        'Content-Length': Buffer.byteLength(text),
      });
      // HEAD (calendar clients probe with it) gets the same headers; Node sends it no body.
      res.end(text);
    } catch (error) {
      if (error instanceof DomainError) return notFound(res);
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'ical feed failed');
      plain(res, 500, 'Error\n');
    }
  };
  const file = (name: string | undefined) => (name?.endsWith('.ics') ? name.slice(0, -4) : undefined);
  server.get(`${FEED_PREFIX}/:file`, async (req: Request, res: Response) => serve(res, file(routeParams(req).file)));
  server.get(`${FEED_PREFIX}/:secret/:file`, async (req: Request, res: Response) => {
    const params = routeParams(req);
    const bodyId = file(params.file);
    return bodyId === undefined ? notFound(res) : serve(res, params.secret, bodyId);
  });

  const bodies = () => repos.bodies.list();

  server.get(
    '/api/v1/calendar-feed',
    authedRoute(deps, async ({ viewer }) => {
      const staff = requireStaff(viewer);
      const feed = await repos.calendarFeeds.get(staff.id);
      const json: CalendarFeedDto = {
        active: feed !== undefined,
        createdAt: feed?.createdAt.toISOString(),
        bodies: (await bodies()).map((body) => ({ id: body.id, name: body.name, nameEn: body.nameEn })),
      };
      return { json };
    }),
  );

  server.post(
    '/api/v1/calendar-feed/rotate',
    authedRoute(deps, async ({ viewer }) => {
      const staff = requireStaff(viewer);
      const secret = newSecret();
      const feed = await rotateCalendarFeed(deps.ctx, staff, hashFeedSecret(secret));
      const json: CalendarFeedUrlsDto = {
        createdAt: feed.createdAt.toISOString(),
        personal: `${FEED_PREFIX}/${secret}.ics`,
        bodies: (await bodies()).map((body) => ({
          id: body.id,
          name: body.name,
          nameEn: body.nameEn,
          url: `${FEED_PREFIX}/${secret}/${encodeURIComponent(body.id)}.ics`,
        })),
      };
      return { status: 201, json };
    }),
  );
}
