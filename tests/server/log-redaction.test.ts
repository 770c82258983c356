import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { REDACTED, redactSecrets } from '../../server/log-redaction.js';
import { createLogger } from '../../server/logger.js';
import { useTabApi } from '../tab/support/tab-api-session.js';

/**
 * A calendar feed's URL is its only credential (only a hash is stored), so no log line may hold
 * it: not the request line, not an error line, whatever the route answered.
 */
describe('secrets in URLs never reach the logs', () => {
  const api = useTabApi();

  it('logs every feed request with the secret redacted, for a feed served, a body feed, a rotated one and a wrong one', async () => {
    const issued = (await api.call('deputy1', 'POST', '/api/v1/calendar-feed/rotate')).json() as { personal: string; bodies: { url: string }[] };
    const secret = issued.personal.slice('/api/v1/ical/'.length, -'.ics'.length);
    const urls = [issued.personal, issued.bodies[0]!.url, `${issued.personal}?token=${secret}`];
    for (const url of urls) expect((await fetch(api.world.baseUrl + url)).status).toBe(200);
    const rotated = (await api.call('deputy1', 'POST', '/api/v1/calendar-feed/rotate')).json() as { personal: string };
    expect((await fetch(api.world.baseUrl + issued.personal)).status).toBe(404);
    expect((await fetch(`${api.world.baseUrl}/api/v1/ical/${secret}/x/y.ics`)).status).toBe(404);
    const rotatedSecret = rotated.personal.slice('/api/v1/ical/'.length, -'.ics'.length);

    const feedRequests = () => api.world.logs.filter((line) => line.msg === 'request' && JSON.stringify(line).includes('/api/v1/ical/'));
    // Four routed and one matching no route (logged as a request and as a failure).
    await vi.waitFor(() => expect(feedRequests()).toHaveLength(5));
    expect(api.world.logs.some((line) => line.msg === 'request failed' && JSON.stringify(line).includes('/api/v1/ical/'))).toBe(true);
    for (const line of api.world.logs) {
      expect(JSON.stringify(line)).not.toContain(secret);
      expect(JSON.stringify(line)).not.toContain(rotatedSecret);
    }
    expect(feedRequests().map((line) => (line as { path?: string }).path)).toContain(`/api/v1/ical/${REDACTED}`);
  });

  it('redacts a credential in a query string and a bearer token quoted in an error message', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl';
    const response = await fetch(`${api.world.baseUrl}/api/v1/no-such-route?access_token=${token}&code=abc123xyz&page=2`);
    expect(response.status).toBe(404);
    // The request line is written when the response finishes, which may be after the client has it.
    const line = await vi.waitFor(() => {
      const found = api.world.logs.find((entry) => entry.msg === 'request' && JSON.stringify(entry).includes('no-such-route'));
      if (!found) throw new Error('no request line yet');
      return found;
    });
    expect(line).toMatchObject({ path: '/api/v1/no-such-route', query: `access_token=${REDACTED}&code=${REDACTED}&page=2` });
    for (const line of api.world.logs) {
      expect(JSON.stringify(line)).not.toContain(token);
      expect(JSON.stringify(line)).not.toContain('abc123xyz');
    }
  });
});

describe('the redaction rules', () => {
  it('keeps what is not secret and cuts what is', () => {
    expect(redactSecrets('/api/v1/meetings/m-1?page=2')).toBe('/api/v1/meetings/m-1?page=2');
    expect(redactSecrets('GET /api/v1/ical/AbC_-123/hq.ics failed')).toBe(`GET /api/v1/ical/${REDACTED}/hq.ics failed`);
    expect(redactSecrets('/cb?state=1&client_secret=s3cr3t&Code=xyz')).toBe(`/cb?state=1&client_secret=${REDACTED}&Code=${REDACTED}`);
    expect(redactSecrets('Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.sig-part')).toBe(`Authorization: Bearer ${REDACTED}`);
  });

  it('applies to every field of a line, nested ones and errors included, and to the message', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
          done();
        },
      }),
    );
    logger.warn(
      { url: '/api/v1/ical/SECRET1.ics', nested: { list: ['/x?token=SECRET2'] }, err: new Error('fetch /api/v1/ical/SECRET3.ics failed') },
      'GET /api/v1/ical/SECRET4.ics',
    );
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/SECRET\d/);
    expect(lines[0]).toMatchObject({
      url: `/api/v1/ical/${REDACTED}`,
      msg: `GET /api/v1/ical/${REDACTED}`,
      err: { message: `fetch /api/v1/ical/${REDACTED} failed` },
    });
  });
});
