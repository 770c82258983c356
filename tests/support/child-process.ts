import { spawn, type ChildProcessByStdio } from 'node:child_process';
import net from 'node:net';
import type { Readable } from 'node:stream';

/**
 * The one way tests run a child process (the app's server as built or through tsx, the
 * Playground): its output kept for failure messages, the server's pino log parsed line by line,
 * and waits that end on readiness or exit — the test's own timeout is the only ceiling.
 */

/** A free TCP port on loopback, for a child server that must be told its port up front. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface LogLine {
  readonly msg: string;
  readonly [field: string]: unknown;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export class ChildServer {
  /** The JSON lines of stdout (the app's pino log). */
  readonly logs: LogLine[] = [];
  /** Lines of stdout that are not JSON (the Playground, a crash before the logger exists). */
  readonly nonJsonStdout: string[] = [];
  stderr = '';
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private pending = '';
  private killOnLine: string | undefined;

  /**
   * `command` with `args`; the environment replaces the parent's unless `inheritEnv` is set.
   * Run the server as `node --import tsx server/main.ts`, not through the tsx CLI: a signal to
   * the CLI would leave its node child running.
   */
  constructor(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; inheritEnv?: boolean } = {}) {
    const env = options.inheritEnv ? { ...process.env, ...options.env } : options.env;
    this.child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => this.read(chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private read(chunk: string): void {
    const lines = (this.pending + chunk).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines.filter((text) => text.trim())) {
      let parsed: LogLine;
      try {
        parsed = JSON.parse(line) as LogLine;
      } catch {
        this.nonJsonStdout.push(line);
        continue;
      }
      this.logs.push(parsed);
      // At once, in the same tick the line arrives: as close as a test gets to a crash right there.
      if (parsed.msg === this.killOnLine) this.child.kill('SIGKILL');
    }
  }

  /** What to show when an assertion fails. */
  transcript = (): string =>
    `stdout:\n${this.logs.map((line) => JSON.stringify(line)).join('\n')}\n${this.nonJsonStdout.join('\n')}${this.pending}\nstderr:\n${this.stderr}`;

  find(msg: string | RegExp): LogLine | undefined {
    return this.logs.find((line) => (typeof msg === 'string' ? line.msg === msg : msg.test(line.msg)));
  }

  /** The position of the first log line with `msg`, -1 when none. */
  index(msg: string): number {
    return this.logs.findIndex((line) => line.msg === msg);
  }

  /** Resolves with the base URL once the server logs that it listens; fails as soon as it exits instead. */
  async listening(): Promise<string> {
    await waitFor(async () => {
      if (this.find('server listening')) return true;
      if (!this.running) throw new ExitedEarly(`the server exited before listening\n${this.transcript()}`);
      return false;
    }, this.transcript);
    return String(this.find('server listening')?.url);
  }

  /** Sends `signal` and waits for the exit; with `withinMs`, fails when the exit takes longer. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', withinMs?: number): Promise<Exit & { ms: number }> {
    const started = Date.now();
    if (this.running) this.child.kill(signal);
    const deadline =
      withinMs === undefined
        ? []
        : [
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error(`no exit within ${withinMs} ms of ${signal}\n${this.transcript()}`)), withinMs).unref(),
            ),
          ];
    const exit = await Promise.race([this.exited, ...deadline]);
    return { ...exit, ms: Date.now() - started };
  }

  /** `kill -9` the moment the process logs `msg`. */
  killOn(msg: string): void {
    this.killOnLine = msg;
  }

  /** Cleanup after a failed test: only this process, by its own handle. */
  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}

/** A probe that must stop the wait at once (the process it waits on is gone). */
class ExitedEarly extends Error {}

/**
 * Polls `probe` until it returns true. It waits for readiness, not for a time: `ceilingMs` only
 * turns a wait that can never succeed into a failure that says what was seen (`describe`), and is
 * set well past what a loaded machine needs. A probe that throws counts as not yet (a refused
 * connection), unless it throws `ExitedEarly`.
 */
export async function waitFor(probe: () => Promise<boolean>, describe: () => string, ceilingMs = 600_000): Promise<void> {
  const deadline = Date.now() + ceilingMs;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return;
    } catch (error) {
      if (error instanceof ExitedEarly) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`still waiting after ${ceilingMs} ms\n${describe()}`);
}
