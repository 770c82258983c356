import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { pino } from 'pino';
import type restify from 'restify';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { closeGracefully, createHttpServer, listen, type ReadinessCheck } from '../../server/http-server.js';
import type { Store } from '../../shared/ports/store.js';
import { createStore } from '../../store/create-store.js';

/** `GET /api/health` (liveness), `GET /api/ready` (readiness) and the drain, over real HTTP. */

const silent = pino({ level: 'silent' });
const servers: restify.Server[] = [];
const stores: Store[] = [];

async function serve(store: Store, options: { readiness?: ReadinessCheck[]; mounts?: ((server: restify.Server) => void)[] } = {}) {
  const server = createHttpServer({ store, logger: silent, ...options });
  servers.push(server);
  return { server, url: `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}` };
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

const fakeStore = (ping: () => Promise<boolean>) => ({ ping, close: async () => undefined }) as unknown as Store;

/** A PGlite store from the migrated template, and its PGlite handle to break it with. */
async function realStore(): Promise<{ store: Store; pglite: PGlite }> {
  const pglite = await PGlite.create({ loadDataDir: new Blob([await fs.readFile(inject('pgliteTemplatePath'))]) });
  const store = await createStore({ pglite });
  stores.push(store);
  return { store, pglite };
}

afterEach(async () => {
  for (const server of servers.splice(0)) server.close();
  for (const store of stores.splice(0)) await store.close();
});

describe('GET /api/health', () => {
  it('answers 200 while the process runs, reporting the database without failing on it', async () => {
    const { url } = await serve(fakeStore(async () => false));
    expect(await getJson(`${url}/api/health`)).toEqual({ status: 200, body: { status: 'ok', db: 'error' } });
  });

  it('reports the database ok on a migrated store', async () => {
    const { store } = await realStore();
    const { url } = await serve(store);
    expect(await getJson(`${url}/api/health`)).toEqual({ status: 200, body: { status: 'ok', db: 'ok' } });
  });
});

describe('GET /api/ready', () => {
  it('is ready on a reachable database with every migration applied', async () => {
    const { store } = await realStore();
    const { url } = await serve(store);
    expect(await getJson(`${url}/api/ready`)).toEqual({ status: 200, body: { status: 'ready', checks: { db: 'ok' } } });
  });

  it('is not ready when the latest migration is missing', async () => {
    const { store, pglite } = await realStore();
    await pglite.exec('delete from kysely_migration where name = (select max(name) from kysely_migration)');
    const { url } = await serve(store);
    expect(await getJson(`${url}/api/ready`)).toEqual({ status: 503, body: { status: 'not-ready', checks: { db: 'error' } } });
  });

  it('is not ready when the database does not answer', async () => {
    const { url } = await serve(fakeStore(() => Promise.reject(new Error('connection refused'))));
    expect(await getJson(`${url}/api/ready`)).toEqual({ status: 503, body: { status: 'not-ready', checks: { db: 'error' } } });
  });

  it('runs the checks components registered, even after the server was built, and names the failing one', async () => {
    const readiness: ReadinessCheck[] = [];
    const { url } = await serve(
      fakeStore(async () => true),
      { readiness },
    );
    expect((await getJson(`${url}/api/ready`)).status).toBe(200);

    let schedulerRunning = false;
    readiness.push({ name: 'scheduler', check: async () => schedulerRunning });
    expect(await getJson(`${url}/api/ready`)).toEqual({ status: 503, body: { status: 'not-ready', checks: { db: 'ok', scheduler: 'error' } } });
    schedulerRunning = true;
    expect(await getJson(`${url}/api/ready`)).toEqual({ status: 200, body: { status: 'ready', checks: { db: 'ok', scheduler: 'ok' } } });
  });

  it('counts a check that throws, or hangs past the probe timeout, as failing', async () => {
    const readiness: ReadinessCheck[] = [
      { name: 'throws', check: () => Promise.reject(new Error('boom')) },
      { name: 'hangs', check: () => new Promise<boolean>(() => undefined) },
    ];
    const { url } = await serve(
      fakeStore(async () => true),
      { readiness },
    );
    const started = Date.now();
    expect(await getJson(`${url}/api/ready`)).toEqual({ status: 503, body: { status: 'not-ready', checks: { db: 'ok', throws: 'error', hangs: 'error' } } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('closeGracefully', () => {
  const slowRoute = (ms: number) => (server: restify.Server) =>
    server.get('/slow', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      res.json(200, { done: true });
    });

  /** One GET over a keep-alive agent, as Teams' and App Service's front ends keep connections open. */
  const keepAliveGet = (url: string, agent: http.Agent) =>
    new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      http
        .get(url, { agent }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
        })
        .on('error', reject);
    });

  it('lets a request in flight on a keep-alive connection finish, then closes that connection at once', async () => {
    const { server, url } = await serve(
      fakeStore(async () => true),
      { mounts: [slowRoute(300)] },
    );
    const agent = new http.Agent({ keepAlive: true });
    const answer = keepAliveGet(`${url}/slow`, agent);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const result = await closeGracefully(server, 10_000);
    // Without closing idle connections the server would wait for the keep-alive timeout (5 s).
    expect(result).toEqual({ drained: true });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await answer).toMatchObject({ status: 200, body: '{"done":true}' });
    agent.destroy();
  });

  it('answers a request that arrives on an open connection during the drain with not ready (stopping) and closes it', async () => {
    const { server, url } = await serve(
      fakeStore(async () => true),
      { mounts: [slowRoute(300)] },
    );
    const { port } = new URL(url);
    // A connection kept busy by a slow request, so the drain does not close it as idle, on which the
    // client sends its next request (pipelined) once the drain has begun.
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    const ended = new Promise((resolve) => socket.on('close', resolve));
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = closeGracefully(server, 10_000);
    socket.write('GET /api/ready HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await closing).toEqual({ drained: true });
    await ended;
    const [first, second] = received.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200/);
    expect(second).toMatch(/^HTTP\/1\.1 503/);
    expect(second).toMatch(/\r\nConnection: close\r\n/i);
    expect(second).toContain('"status":"stopping"');
    await expect(fetch(`${url}/api/ready`), 'a new connection after the drain').rejects.toThrow();
  });

  it('cuts what is still running after the drain time and says so', async () => {
    const { server, url } = await serve(
      fakeStore(async () => true),
      { mounts: [slowRoute(5_000)] },
    );
    const answer = fetch(`${url}/slow`).then(
      (response) => response.status,
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    expect(await closeGracefully(server, 300)).toEqual({ drained: false });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await answer).toBe('cut');
  });
});
