import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/http-caller.js';
import { localToken, startTabWorld, STAFF, type TabWorld } from './support/tab-world.js';

describe('iCalendar feeds with a secret URL', () => {
  let world: TabWorld;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    world = await startTabWorld({ auth: { mode: 'local' } });
    for (const person of [STAFF.deputy1, STAFF.author]) tokens.set(person.id, await localToken(world.baseUrl, person.id));
  });
  afterAll(() => world?.close());
  const call = (as: string, method: string, path: string) => callApi(world.baseUrl, tokens.get(as), method, path, method === 'POST' ? {} : undefined);
  const feed = (path: string) => fetch(`${world.baseUrl}${path}`);

  let first: { personal: string; bodies: { id: string; url: string }[] };

  it('issues a feed URL without a bearer token needed to read it, storing only a hash of the secret', async () => {
    expect((await call('deputy1', 'GET', '/api/v1/calendar-feed')).json()).toMatchObject({ active: false });
    const issued = await call('deputy1', 'POST', '/api/v1/calendar-feed/rotate');
    expect(issued.status).toBe(201);
    first = issued.json();
    expect(first.personal).toMatch(/^\/api\/v1\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    const secret = first.personal.slice('/api/v1/ical/'.length, -4);
    const stored = await world.ctx.store.repositories.calendarFeeds.get('deputy1');
    expect(stored?.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect((await call('deputy1', 'GET', '/api/v1/calendar-feed')).json()).toMatchObject({ active: true });
  });

  it('serves the person’s meetings and the call deadlines as text/calendar in Japan time', async () => {
    const response = await feed(first.personal);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = (await response.text()).replace(/\r\n /g, '');
    expect(text).toContain('UID:meeting-hq-2024-2@gyosei-keiei.teams');
    expect(text).toContain('DTSTART;TZID=Asia/Tokyo:20240524T100000');
    expect(text).toContain('DTSTART;VALUE=DATE:20240517');
  });

  it('leaves out meetings the person is not expected at, and serves per-body feeds', async () => {
    await call('author', 'POST', '/api/v1/calendar-feed/rotate').then(async (issued) => {
      const text = await (await feed(issued.json().personal)).text();
      expect(text).not.toContain('UID:meeting-hq-2024-2');
      expect(text).toContain('SUMMARY:締切: 新規取組み項目の提案募集');
    });
    const hq = first.bodies.find((body) => body.id === 'hq')!;
    const hqText = await (await feed(hq.url)).text();
    expect(hqText).toContain('UID:meeting-hq-2024-2@gyosei-keiei.teams');
    expect(hqText).not.toContain('締切');
    const pt = first.bodies.find((body) => body.id === 'body-pt-1-4')!;
    expect(await (await feed(pt.url)).text()).not.toContain('BEGIN:VEVENT');
  });

  it('stops the old URL when the secret is rotated, and answers unknown secrets and bodies with 404', async () => {
    const rotated = (await call('deputy1', 'POST', '/api/v1/calendar-feed/rotate')).json();
    expect(rotated.personal).not.toBe(first.personal);
    expect((await feed(first.personal)).status).toBe(404);
    expect((await feed(first.bodies[0]!.url)).status).toBe(404);
    expect((await feed(rotated.personal)).status).toBe(200);
    const secret = rotated.personal.slice('/api/v1/ical/'.length, -4);
    expect((await feed(`/api/v1/ical/${secret}/nope.ics`)).status).toBe(404);
    expect((await feed(`/api/v1/ical/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await feed('/api/v1/ical/short.ics')).status).toBe(404);
    expect((await world.ctx.store.repositories.audit.listFor('calendarFeed', 'deputy1')).map((entry) => entry.action)).toEqual(['create', 'rotate']);
  });

  it('needs a signed-in member of staff to issue or rotate', async () => {
    expect((await callApi(world.baseUrl, undefined, 'POST', '/api/v1/calendar-feed/rotate', {})).status).toBe(401);
  });
});
