import net from 'node:net';
import { pino } from 'pino';
import type restify from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, listen } from '../../server/http-server.js';
import type { Store } from '../../shared/ports/store.js';

/**
 * Requests Node's HTTP parser lets through but WHATWG `URL` refuses. restify 12 parses them in its
 * router, outside any handler, so without the server's guard one such request ends the process
 * (restify/node-restify#2011).
 */

const servers: restify.Server[] = [];
const fakeStore = { ping: async () => true, close: async () => undefined } as unknown as Store;

afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(): Promise<number> {
  const server = createHttpServer({ store: fakeStore, logger: pino({ level: 'silent' }) });
  servers.push(server);
  return listen(server, '127.0.0.1', 0);
}

/** Sends `head` as written (fetch would refuse or repair it) and resolves with the status line and body. */
function rawRequest(port: number, head: string): Promise<{ statusLine: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [headers = '', body = ''] = answer.split('\r\n\r\n');
      resolve({ statusLine: headers.split('\r\n')[0] ?? '', body });
    });
  });
}

describe('a request whose Host header or target is not a URL', () => {
  it.each([
    ['a space in Host', 'GET /api/health HTTP/1.1\r\nHost: a b'],
    ['a pipe in Host', 'GET /api/health HTTP/1.1\r\nHost: foo|bar'],
    ['an unclosed IPv6 literal in Host', 'GET /api/health HTTP/1.1\r\nHost: [::1'],
    ['a port out of range in Host', 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:99999'],
    ['an absolute-form target with a broken authority', 'GET http://[zz/api/health HTTP/1.1\r\nHost: 127.0.0.1'],
  ])('is answered 400 (%s) and the server keeps serving', async (_case, head) => {
    const port = await serve();
    const refused = await rawRequest(port, head);
    expect(refused.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'BadRequest' });

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  });

  it('leaves well-formed requests alone, including an absolute-form target and HTTP/1.0 without Host', async () => {
    const port = await serve();
    expect((await rawRequest(port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:3978')).statusLine).toBe('HTTP/1.1 200 OK');
    expect((await rawRequest(port, 'GET http://127.0.0.1/api/health HTTP/1.1\r\nHost: 127.0.0.1')).statusLine).toBe('HTTP/1.1 200 OK');
    expect((await rawRequest(port, 'GET /api/health HTTP/1.0')).statusLine).toMatch(/^HTTP\/1\.[01] 200 OK$/);
    expect((await rawRequest(port, 'GET /no/such/route HTTP/1.1\r\nHost: 127.0.0.1')).statusLine).toBe('HTTP/1.1 404 Not Found');
  });
});
