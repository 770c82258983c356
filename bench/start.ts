/**
 * How fast and how small the app starts on its embedded database, as `npm start` runs it:
 * - first start: `node dist/server/main.js` on an empty DATA_DIR (the data folder filled from the
 *   build's initialised cluster, the FY2024 programme and the demo directory imported);
 * - warm start: the same folder again;
 * - a second `npm start`: the build check finding nothing changed, then a warm start;
 * each timed from spawn to `GET /api/ready` answering 200, with the resident memory once idle.
 * In the same run, for comparison: the same app on PostgreSQL (no embedded database to open),
 * and a bare botbuilder echo bot (bench/support/bare-echo-bot.ts: restify and botbuilder loaded,
 * nothing else), the floor any bot of this stack pays.
 *
 *   npx tsx bench/start.ts [--repeat 3]
 *
 * Targets (issue 13): first start ≤ 3 s, warm start ≤ 1.5 s, resident ≤ 300 MB at idle after
 * either; a second `npm start` ready within 5 s of a warm start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfChanged } from '../bin/build.js';
import { childEnvironment, PROJECT_ROOT } from '../tests/cli/run-cli.js';
import { ChildServer, waitFor } from '../tests/support/child-process.js';
import { createServerDatabase } from '../tests/support/server-database.js';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '3' } } });
const REPEAT = Number(values.repeat);
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** How long a started server is left alone before its memory is read: timers and GC settle. */
const IDLE_MS = 3_000;

interface StartFigures {
  readonly readyMs: number;
  readonly residentMb: number;
}

/** The processes under `pid`, nearest first (npm start runs node under npm and sh). */
function descendants(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  const ids = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
  return ids.flatMap((child) => [child, ...descendants(child)]);
}

/** Resident set of a process and everything under it, in MB. */
function residentMb(pid: number): number {
  const kb = (id: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
  return [pid, ...descendants(pid)].reduce((sum, id) => sum + kb(id), 0) / 1024;
}

/** `GET /api/ready` answers 200: the app has its database, data and scheduler. */
const appReady = async (url: string) => (await fetch(`${url}/api/ready`)).status === 200;
/** The echo bot has no readiness route: it is ready when it listens. */
const listeningIsReady = async () => true;

/** Spawns, waits for readiness, reads memory at idle, stops every process it started with SIGTERM. */
async function timeStart(command: readonly string[], env: NodeJS.ProcessEnv, ready: (url: string) => Promise<boolean>): Promise<StartFigures> {
  const [executable, ...args] = command;
  const started = performance.now();
  const server = new ChildServer(executable!, args, { cwd: PROJECT_ROOT, env });
  const url = await server.listening();
  await waitFor(() => ready(url), server.transcript);
  const readyMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const figures = { readyMs, residentMb: residentMb(server.pid!) };
  // The server itself first (the deepest process), so it shuts down as it would under App Service.
  for (const pid of descendants(server.pid!).reverse()) process.kill(pid, 'SIGTERM');
  const exit = await server.stop('SIGTERM');
  if (!server.find('stopped') && command.includes(app[1]!)) throw new Error(`did not stop cleanly (${JSON.stringify(exit)})\n${server.transcript()}`);
  return figures;
}

const median = (list: readonly number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

function summarise(runs: readonly StartFigures[]): StartFigures {
  return { readyMs: median(runs.map((run) => run.readyMs)), residentMb: median(runs.map((run) => run.residentMb)) };
}

const app = [process.execPath, path.join(PROJECT_ROOT, 'dist/server/main.js')];
buildIfChanged();
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
const npmStart = ['npm', 'start', '--silent'];
const env = (dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv => ({
  ...childEnvironment(dataDir, { PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development' }),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});

const rows = new Map<string, StartFigures[]>();
const record = (name: string, figures: StartFigures) => rows.set(name, [...(rows.get(name) ?? []), figures]);
for (let round = 0; round < REPEAT; round += 1) {
  const dataDir = path.join(tempRoot, `data-${round}`);
  record('PGlite first start', await timeStart(app, env(dataDir), appReady));
  record('PGlite warm start', await timeStart(app, env(dataDir), appReady));
  record('second npm start', await timeStart(npmStart, env(dataDir), appReady));
  const database = await createServerDatabase(SERVER_URL);
  try {
    record('PostgreSQL first start', await timeStart(app, env(path.join(tempRoot, `unused-${round}`), database.url), appReady));
    record('PostgreSQL warm start', await timeStart(app, env(path.join(tempRoot, `unused-${round}`), database.url), appReady));
  } finally {
    await database.drop();
  }
  record(
    'bare echo bot',
    await timeStart(
      [process.execPath, '--import', 'tsx', path.join(PROJECT_ROOT, 'bench/support/bare-echo-bot.ts')],
      { ...process.env, PORT: '0' },
      listeningIsReady,
    ),
  );
}
fs.rmSync(tempRoot, { recursive: true, force: true });

const result = new Map([...rows].map(([name, runs]) => [name, summarise(runs)]));
const figure = (name: string) => result.get(name)!;
console.log(
  `median of ${REPEAT} runs, node ${process.version}, ${os.cpus().length} CPUs; ready = spawn to GET /api/ready 200; resident after ${IDLE_MS / 1000} s idle`,
);
for (const [name, figures] of result)
  console.log(`${name.padEnd(24)} ready ${(figures.readyMs / 1000).toFixed(2).padStart(5)} s   resident ${figures.residentMb.toFixed(0).padStart(4)} MB`);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const first = figure('PGlite first start');
const warm = figure('PGlite warm start');
const again = figure('second npm start');
const echo = figure('bare echo bot');
console.log(
  `first start ${(first.readyMs / 1000).toFixed(2)} s (target ≤ 3 s, ${verdict(first.readyMs <= 3_000)}); ${(first.readyMs / echo.readyMs).toFixed(1)}× the echo bot, ${(first.readyMs / figure('PostgreSQL first start').readyMs).toFixed(2)}× the app on PostgreSQL`,
);
console.log(
  `warm start ${(warm.readyMs / 1000).toFixed(2)} s (target ≤ 1.5 s, ${verdict(warm.readyMs <= 1_500)}); ${(warm.readyMs / echo.readyMs).toFixed(1)}× the echo bot, ${(warm.readyMs / figure('PostgreSQL warm start').readyMs).toFixed(2)}× the app on PostgreSQL`,
);
console.log(
  `resident ${first.residentMb.toFixed(0)} MB after a first start, ${warm.residentMb.toFixed(0)} MB after a warm one (target ≤ 300 MB, ${verdict(Math.max(first.residentMb, warm.residentMb) <= 300)}); the app on PostgreSQL ${figure('PostgreSQL warm start').residentMb.toFixed(0)} MB, the echo bot ${echo.residentMb.toFixed(0)} MB`,
);
console.log(
  `second npm start ${(again.readyMs / 1000).toFixed(2)} s, ${((again.readyMs - warm.readyMs) / 1000).toFixed(2)} s more than a warm start (target ≤ 5 s more, ${verdict(again.readyMs - warm.readyMs <= 5_000)})`,
);
