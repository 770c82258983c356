import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, PROJECT_ROOT, STACK_TRACE_LINE } from '../cli/run-cli.js';
import { waitFor } from '../support/child-process.js';
import { startConnectorStandIn } from '../support/connector-stand-in.js';
import { personalMessage } from '../support/teams-activities.js';

/**
 * SIGTERM as App Service sends it when it stops or scales in an instance, to the real server
 * process (`server/main.ts`), while a bot turn is waiting on a slow Bot Connector.
 */

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

class Server {
  readonly logs: LogLine[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private pending = '';

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (this.pending + chunk).split('\n');
      this.pending = lines.pop() ?? '';
      for (const line of lines.filter((text) => text.trim())) this.logs.push(JSON.parse(line) as LogLine);
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  transcript(): string {
    return `${this.logs.map((line) => JSON.stringify(line)).join('\n')}\n${this.pending}\nstderr:\n${this.stderr}`;
  }

  index(msg: string): number {
    return this.logs.findIndex((line) => line.msg === msg);
  }

  async listening(): Promise<string> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const line = this.logs.find((entry) => entry.msg === 'server listening');
      if (line) return String(line.url);
      if (this.child.exitCode !== null) throw new Error(`exited before listening\n${this.transcript()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`did not listen\n${this.transcript()}`);
  }
}

/** A Bot Connector that answers every post `delayMs` late: a bot turn stays in flight that long. */
async function startSlowConnector(delayMs: number) {
  const slow = await startConnectorStandIn({ responseDelayMs: delayMs });
  return { connector: slow, waiting: () => slow.received().filter((request) => request.method !== 'GET').length };
}

describe('graceful shutdown of the server process on SIGTERM', { timeout: 120_000 }, () => {
  let tempRoot: string;
  const servers: Server[] = [];
  const start = (extra: Record<string, string>) => {
    const server = new Server(childEnvironment(path.join(tempRoot, 'data'), { PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', ...extra }));
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'graceful-shutdown-'));
  });
  afterEach(() => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
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
    await waitFor(async () => slow.waiting() > 0, 20_000, () => server.transcript());

    server.child.kill('SIGTERM');
    await waitFor(async () => server.index('shutting down') >= 0, 20_000, () => server.transcript());
    await expect(fetch(`${url}/api/health`), 'a new connection during the drain').rejects.toThrow();

    const response = await inFlight;
    expect(response.status, server.transcript()).toBe(200);
    expect(await server.exited, server.transcript()).toBe(0);
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
    await waitFor(async () => slow.waiting() > 0, 20_000, () => server.transcript());

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited, server.transcript()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(await inFlight).toBe('cut');
    expect(server.logs.find((line) => line.msg === 'requests still in flight after the drain time were cut'), server.transcript()).toMatchObject({ drainMs: 500 });
    await slow.connector.close();
  });
});
