import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, PROJECT_ROOT, STACK_TRACE_LINE } from '../cli/run-cli.js';
import { ChildServer, waitFor } from '../support/child-process.js';
import { startConnectorStandIn } from '../support/connector-stand-in.js';
import { personalMessage } from '../support/teams-activities.js';

/**
 * SIGTERM as App Service sends it when it stops or scales in an instance, to the real server
 * process (`server/main.ts`), while a bot turn is waiting on a slow Bot Connector.
 */

/** A Bot Connector that answers every post `delayMs` late: a bot turn stays in flight that long. */
async function startSlowConnector(delayMs: number) {
  const slow = await startConnectorStandIn({ responseDelayMs: delayMs });
  return { connector: slow, waiting: () => slow.received().filter((request) => request.method !== 'GET').length };
}

describe('graceful shutdown of the server process on SIGTERM', { timeout: 120_000 }, () => {
  let tempRoot: string;
  const servers: ChildServer[] = [];
  const start = (extra: Record<string, string>) => {
    const server = new ChildServer(process.execPath, ['dist/server/main.js'], {
      cwd: PROJECT_ROOT,
      env: childEnvironment(path.join(tempRoot, 'data'), { PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', ...extra }),
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'graceful-shutdown-'));
  });
  afterEach(() => {
    for (const server of servers) server.kill();
  });
  afterAll(async () => {
    fs.rmSync(tempRoot, { recursive: true, force: true });
  });

  it('finishes a bot turn in flight, refuses new connections meanwhile, closes the store and exits 0', async () => {
    const slow = await startSlowConnector(1_500);
    const server = start({ SHUTDOWN_DRAIN_MS: '15000' });
    const url = await server.listening();
    const activity = personalMessage('help', { serviceUrl: slow.connector.url });
    const inFlight = fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
    await waitFor(async () => slow.waiting() > 0, server.transcript);

    void server.stop('SIGTERM');
    await waitFor(async () => server.index('shutting down') >= 0, server.transcript);
    await expect(fetch(`${url}/api/health`), 'a new connection during the drain').rejects.toThrow();

    const response = await inFlight;
    expect(response.status, server.transcript()).toBe(200);
    expect((await server.exited).code, server.transcript()).toBe(0);
    expect(slow.connector.received({ delivered: true }).length, 'the reply reached the connector').toBeGreaterThan(0);

    const request = server.logs.find((line) => line.msg === 'request' && line.path === '/api/messages');
    expect(request, server.transcript()).toMatchObject({ status: 200, activityId: activity.id, conversationId: activity.conversation.id });
    expect(server.index('shutting down')).toBeLessThan(server.logs.indexOf(request!));
    expect(server.index('requests in flight finished')).toBeGreaterThan(server.logs.indexOf(request!));
    expect(server.index('stopped')).toBeGreaterThan(server.index('requests in flight finished'));
    expect(server.stderr).not.toMatch(STACK_TRACE_LINE);
    await slow.connector.close();
  });

  it('cuts a request that outlasts SHUTDOWN_DRAIN_MS and still exits 0 soon after', async () => {
    const slow = await startSlowConnector(30_000);
    const server = start({ SHUTDOWN_DRAIN_MS: '500' });
    const url = await server.listening();
    const inFlight = fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(personalMessage('help', { serviceUrl: slow.connector.url })),
    }).then(
      (response) => response.status,
      () => 'cut',
    );
    await waitFor(async () => slow.waiting() > 0, server.transcript);

    const signalled = Date.now();
    void server.stop('SIGTERM');
    expect((await server.exited).code, server.transcript()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(await inFlight).toBe('cut');
    expect(
      server.logs.find((line) => line.msg === 'requests still in flight after the drain time were cut'),
      server.transcript(),
    ).toMatchObject({ drainMs: 500 });
    await slow.connector.close();
  });
});
