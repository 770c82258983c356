import { beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from './support/http-caller.js';
import { registeredTabRoutes } from './support/registered-routes.js';
import { useTabApi } from './support/tab-api-session.js';
import { HQ_MEETING, RECRUITMENT, STAFF, TEAMS } from './support/tab-world.js';

/** Headers that differ between any two answers (when, and which request). */
const PER_REQUEST = new Set(['date', 'x-request-id', 'connection', 'keep-alive']);
const headersOf = (response: CallResult) => Object.fromEntries([...response.headers].filter(([name]) => !PER_REQUEST.has(name)));

/**
 * Calendar clients (and link checkers, caches) probe a feed with HEAD before they GET it. Every GET
 * route answers HEAD as GET would, without the body: the same status and the same headers.
 */
describe('HEAD on the tab API, over HTTP', () => {
  // Confirmed minutes of the seeded meeting, which every member of staff may read, and a planned
  // notification to preview (its renderer a stand-in: what is compared here is HEAD against GET).
  const api = useTabApi(
    async (ctx) => {
      await ctx.store.repositories.conversations.upsert({
        conversationId: '19:head@thread.tacv2',
        kind: 'channel',
        serviceUrl: 'http://127.0.0.1:9/',
        tenantId: 'tenant',
        botId: '28:local-bot',
        locale: 'ja',
        active: true,
        updatedAt: HQ_MEETING.startsAt,
      });
      await ctx.store.repositories.outbox.plan([
        {
          id: 'head-planned',
          occurrenceKey: 'head:planned',
          seriesKey: 'head',
          conversationId: '19:head@thread.tacv2',
          kind: 'convocations',
          subjectId: HQ_MEETING.id,
          dueAt: new Date('2024-06-01T09:00:00+09:00'),
          expiresAt: new Date('2024-07-01T09:00:00+09:00'),
          payload: { type: 'convocation', meetingId: HQ_MEETING.id },
        },
      ]);
      await ctx.store.repositories.minutes.save({
        meetingId: HQ_MEETING.id,
        bodyId: HQ_MEETING.bodyId,
        status: 'confirmed',
        attendance: [{ staffId: STAFF.mayor.id, mark: 'present' }],
        guestsPresent: [],
        summaries: [{ agendaIndex: 0, summary: '進捗の報告があった。' }],
        decisions: [],
        updatedAt: HQ_MEETING.startsAt,
        updatedByStaffId: STAFF.secretary.id,
        confirmedAt: HQ_MEETING.endsAt,
        confirmedByStaffId: STAFF.mayor.id,
      });
    },
    [],
    () => ({ renderer: { render: () => Promise.resolve({ kind: 'send', message: { card: { type: 'AdaptiveCard', body: [] } } }) } }),
  );
  let feed: { personal: string; bodies: { id: string; url: string }[] };
  const secret = () => feed.personal.slice('/api/v1/ical/'.length, -'.ics'.length);
  /** A real value for each path parameter of each GET route: a route added without one fails the test. */
  const VALUES: Record<string, () => Record<string, string>> = {
    '/api/v1/meetings/:id': () => ({ id: HQ_MEETING.id }),
    '/api/v1/meetings/:id/materials.docx': () => ({ id: HQ_MEETING.id }),
    '/api/v1/meetings/:id/minutes': () => ({ id: HQ_MEETING.id }),
    '/api/v1/project-teams/:id': () => ({ id: TEAMS[0]!.id }),
    '/api/v1/bodies/:id': () => ({ id: 'hq' }),
    '/api/v1/recruitment/:id': () => ({ id: RECRUITMENT.id }),
    '/api/v1/recruitment/:id/candidates': () => ({ id: RECRUITMENT.id }),
    '/api/v1/admin/notifications/planned/:id/preview': () => ({ id: 'head-planned' }),
    '/api/v1/ical/:file': () => ({ file: `${secret()}.ics` }),
    '/api/v1/ical/:secret/:file': () => ({ secret: secret(), file: 'hq.ics' }),
  };
  const filled = (path: string) => {
    const values = VALUES[path]?.() ?? {};
    return path.replace(/:(\w+)/g, (_whole, name: string) => {
      if (!(name in values)) throw new Error(`no value for :${name} of ${path}: add it to VALUES`);
      return encodeURIComponent(values[name]!);
    });
  };

  beforeAll(async () => {
    const rotated = await api.call(STAFF.admin.id, 'POST', '/api/v1/calendar-feed/rotate');
    expect(rotated.status).toBe(201);
    feed = rotated.json();
  });

  it('answers HEAD on a calendar feed like GET: 200, text/calendar, the same length, no body', async () => {
    for (const url of [feed.personal, feed.bodies.find((body) => body.id === 'hq')!.url]) {
      const get = await api.call(undefined, 'GET', url);
      const head = await api.call(undefined, 'HEAD', url);
      expect(get.status).toBe(200);
      expect(get.text).toContain('BEGIN:VCALENDAR');
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(get.text)));
      expect(headersOf(head)).toEqual(headersOf(get));
      expect(head.text).toBe('');
    }
  });

  it('answers HEAD on a feed nobody has as GET does: 404', async () => {
    const url = `/api/v1/ical/${'A'.repeat(43)}.ics`;
    const [get, head] = [await api.call(undefined, 'GET', url), await api.call(undefined, 'HEAD', url)];
    expect([get.status, head.status]).toEqual([404, 404]);
    expect(headersOf(head)).toEqual(headersOf(get));
    expect(head.text).toBe('');
  });

  const gets = registeredTabRoutes().filter((route) => route.method === 'GET');
  it.each(gets.map((route) => [route.path] as const))('answers HEAD %s with the status and headers of GET, without the body', async (path) => {
    const url = filled(path);
    const get = await api.call(STAFF.admin.id, 'GET', url);
    const head = await api.call(STAFF.admin.id, 'HEAD', url);
    expect(get.status, get.text).toBeLessThan(300);
    expect(head.status).toBe(get.status);
    expect(headersOf(head)).toEqual(headersOf(get));
    expect(head.headers.get('content-length')).toMatch(/^\d+$/);
    expect(head.text).toBe('');
  });

  it('answers HEAD without a token as GET does: 401 with the challenge', async () => {
    const [get, head] = [await api.call(undefined, 'GET', '/api/v1/me'), await api.call(undefined, 'HEAD', '/api/v1/me')];
    expect([get.status, head.status]).toEqual([401, 401]);
    expect(head.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(headersOf(head)).toEqual(headersOf(get));
  });

  it('answers HEAD on the health probes as GET', async () => {
    for (const url of ['/api/health', '/api/ready']) {
      const [get, head] = [await api.call(undefined, 'GET', url), await api.call(undefined, 'HEAD', url)];
      expect(head.status).toBe(get.status);
      expect(headersOf(head)).toEqual(headersOf(get));
      expect(head.text).toBe('');
    }
  });
});
