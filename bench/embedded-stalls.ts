/**
 * Stalls on the embedded database: the built server (`node dist/server/main.js`, local mode) run
 * once on PGlite (a temporary DATA_DIR) and once on PostgreSQL (a throw-away database), under the
 * same load, printed side by side with the ratio PGlite / PostgreSQL from this one run.
 *
 *   npx tsx bench/embedded-stalls.ts [--tab-requests 2000] [--tab-concurrency 200] [--messages 2000] [--concurrency 50]
 *   npx tsx bench/embedded-stalls.ts --cpu-prof     # also writes the PGlite child's .cpuprofile to a temp folder
 *
 * PostgreSQL is `BENCH_DATABASE_URL`, default postgres://postgres@127.0.0.1:5432/test.
 *
 * What it measures, on each database:
 *  - (start-up time and idle memory are bench/start.ts's; here the server is started once on an
 *    empty data folder or database, then loaded, and its resident memory after the load is shown);
 *  - tab: signed-in API requests (dashboard, lists, details; twenty people), `--tab-concurrency`
 *    in flight at once, while a probe calls `GET /api/v1/local-auth/status` back to back — a route
 *    that touches no database (`/api/health` runs `store.ping()`, so it would not do) — so its
 *    latency is the time the server's event loop kept it waiting;
 *  - bot: `会議` messages from twenty people over /api/messages in Bot Framework activity format,
 *    `--concurrency` in flight, the replies taken by a local connector stand-in; the same probe runs.
 *
 * Targets: tab and bot p99 on PGlite ≤ 3× PostgreSQL; the no-database route's p99 ≤ 200 ms;
 * no bot turn near Teams' 15 s resend window.
 *
 * Finding: PGlite is PostgreSQL compiled to WASM and ran on the server's one JavaScript thread,
 * so every query — each a synchronous call into WASM, from microseconds to tens of milliseconds
 * for a dashboard's reads — blocked the event loop that also parses HTTP, validates tokens and
 * renders cards. Under 200 concurrent requests the queue of queries in front of the loop made a
 * route that touches no database wait seconds (event-loop delay, not database time; the CPU
 * profile of the PGlite child is dominated by PGlite's WASM frames). The store now runs PGlite in
 * a worker thread (store/pglite-worker.ts): the dialect posts each statement and awaits the
 * reply, so on two cores the database and the HTTP loop run in parallel, and the loop stays free
 * for requests that need no database.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildIfChanged, PROJECT_ROOT } from '../bin/build.js';
import { demoSenders } from './support/demo-senders.js';
import { childEnvironment } from '../tests/cli/run-cli.js';
import { ChildServer } from '../tests/support/child-process.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../tests/support/connector-stand-in.js';
import { createServerDatabase } from '../tests/support/server-database.js';
import { personalMessage, TEST_TENANT_ID } from '../tests/support/teams-activities.js';

const { values } = parseArgs({
  options: {
    'tab-requests': { type: 'string', default: '2000' },
    'tab-concurrency': { type: 'string', default: '200' },
    messages: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const TAB_REQUESTS = Number(values['tab-requests']);
const TAB_CONCURRENCY = Number(values['tab-concurrency']);
const MESSAGES = Number(values.messages);
const BOT_CONCURRENCY = Number(values.concurrency);
const POSTGRES = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MAIN = path.join(PROJECT_ROOT, 'dist/server/main.js');
const NO_DATABASE_ROUTE = '/api/v1/local-auth/status';
const RESEND_WINDOW_MS = 15_000;

interface Stats {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN };
}

interface Run {
  readonly name: string;
  readonly tab: Stats;
  readonly tabProbe: Stats;
  readonly bot: Stats;
  readonly botProbe: Stats;
  readonly botSeconds: number;
  readonly afterLoadRssMb: number;
  readonly peakRssMb: number;
}

/** VmRSS and VmHWM (the peak) of a process, in MB. */
function memory(pid: number | undefined): { rssMb: number; peakRssMb: number } {
  const status = pid ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

async function startServer(env: NodeJS.ProcessEnv, cpuProfDir: string | undefined): Promise<{ server: ChildServer; url: string }> {
  const args = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, MAIN] : [MAIN];
  const server = new ChildServer(process.execPath, args, { cwd: PROJECT_ROOT, env });
  const url = await server.listening();
  for (;;) {
    const response = await fetch(`${url}/api/ready`).catch(() => undefined);
    await response?.arrayBuffer();
    if (response?.status === 200) break;
    if (!server.running) throw new Error(`the server exited\n${server.transcript()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { server, url };
}

async function stopServer(server: ChildServer): Promise<void> {
  const exit = await server.stop('SIGTERM', 60_000);
  if (exit.code !== 0) throw new Error(`the server exited with ${exit.code ?? exit.signal}\n${server.transcript()}`);
}

/** Calls the no-database route back to back until `stop` is set; the latencies. */
function probe(url: string): { stop: () => Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${url}${NO_DATABASE_ROUTE}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${NO_DATABASE_ROUTE}: HTTP ${response.status}`);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

/** `count` calls of `call`, `concurrency` in flight at a time; each call's latency. */
async function load(count: number, concurrency: number, call: (index: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const started = performance.now();
        await call(index);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Tokens for twenty people and the paths of a realistic mix: the dashboard, lists and details. */
async function tabSessions(url: string): Promise<{ tokens: string[]; paths: string[] }> {
  const staff = await json<{ staffId: string }[]>(await fetch(`${url}/api/v1/local-auth/staff`), 'staff');
  const tokens: string[] = [];
  for (const person of staff.slice(0, 20)) {
    const response = await fetch(`${url}/api/v1/local-auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ staffId: person.staffId }),
    });
    tokens.push((await json<{ token: string }>(response, 'token')).token);
  }
  const get = async <T>(route: string) => json<T>(await fetch(`${url}${route}`, { headers: { Authorization: `Bearer ${tokens[0]}` } }), route);
  const meetings = await get<{ id: string }[]>('/api/v1/meetings');
  const bodies = await get<{ id: string }[]>('/api/v1/bodies');
  const teams = await get<{ id: string }[]>('/api/v1/project-teams');
  const details = [
    ...meetings.slice(0, 3).map((each) => `/api/v1/meetings/${each.id}`),
    ...bodies.slice(0, 3).map((each) => `/api/v1/bodies/${each.id}`),
    ...teams.slice(0, 3).map((each) => `/api/v1/project-teams/${each.id}`),
  ];
  const lists = [
    '/api/v1/meetings',
    '/api/v1/calls',
    '/api/v1/proposals/mine',
    '/api/v1/practices',
    '/api/v1/project-teams',
    '/api/v1/recruitment',
    '/api/v1/me',
  ];
  // The dashboard is what every tab opens on, so it is a third of the mix.
  const dashboards = Array.from({ length: Math.ceil((lists.length + details.length) / 2) }, () => '/api/v1/dashboard');
  return { tokens, paths: [...dashboards, ...lists, ...details] };
}

async function tabLoad(url: string): Promise<{ tab: Stats; probe: Stats }> {
  const { tokens, paths } = await tabSessions(url);
  const call = async (index: number) => {
    const route = paths[index % paths.length]!;
    const response = await fetch(`${url}${route}`, { headers: { Authorization: `Bearer ${tokens[index % tokens.length]}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${route}: HTTP ${response.status}`);
  };
  await load(200, 20, call); // warm-up: JIT, read caches
  const probing = probe(url);
  const latencies = await load(TAB_REQUESTS, TAB_CONCURRENCY, call);
  return { tab: stats(latencies), probe: stats(await probing.stop()) };
}

async function botLoad(url: string, connector: ConnectorStandIn): Promise<{ bot: Stats; probe: Stats; seconds: number }> {
  const run = randomUUID().slice(0, 8);
  const users = demoSenders(connector);
  const call = async (index: number) => {
    const activity = personalMessage('会議', { serviceUrl: connector.url, from: users[index % users.length]!, id: `${run}-${index}` });
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`/api/messages: HTTP ${response.status}`);
  };
  await load(100, 10, (index) => call(MESSAGES + index)); // warm-up: identity links, JIT
  const probing = probe(url);
  const started = performance.now();
  const latencies = await load(MESSAGES, BOT_CONCURRENCY, call);
  const seconds = (performance.now() - started) / 1000;
  return { bot: stats(latencies), probe: stats(await probing.stop()), seconds };
}

async function measure(name: string, env: NodeJS.ProcessEnv, connector: ConnectorStandIn, cpuProfDir?: string): Promise<Run> {
  const { server, url } = await startServer(env, cpuProfDir);
  try {
    const { tab, probe: tabProbe } = await tabLoad(url);
    const { bot, probe: botProbe, seconds } = await botLoad(url, connector);
    const after = memory(server.pid);
    return { name, tab, tabProbe, bot, botProbe, botSeconds: seconds, afterLoadRssMb: after.rssMb, peakRssMb: after.peakRssMb };
  } finally {
    await stopServer(server);
  }
}

const baseEnv = (dataDir: string) =>
  childEnvironment(dataDir, { PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', ALLOWED_TENANT_IDS: TEST_TENANT_ID, NOTIFICATIONS_ENABLED: 'false' });

buildIfChanged();
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stalls-'));
const cpuProfDir = values['cpu-prof'] ? path.join(tempRoot, 'cpu-prof') : undefined;
const connector = await startConnectorStandIn({ rateLimits: false });
const database = await createServerDatabase(POSTGRES);
let runs: Run[];
try {
  const pglite = await measure('PGlite', baseEnv(path.join(tempRoot, 'data')), connector, cpuProfDir);
  const postgres = await measure('PostgreSQL', { ...baseEnv(path.join(tempRoot, 'unused')), DATABASE_URL: database.url }, connector);
  runs = [pglite, postgres];
} finally {
  await connector.close();
  await database.drop();
  if (cpuProfDir) process.stdout.write(`CPU profile of the PGlite server: ${cpuProfDir}\n`);
  else fs.rmSync(tempRoot, { recursive: true, force: true });
}

const [lite, server] = runs as [Run, Run];
const f = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)}`;
const triple = (s: Stats) => `${f(s.p50)} / ${f(s.p99)} / ${f(s.max)}`.padStart(24);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const row = (label: string, pick: (run: Run) => Stats, target?: string) => {
  const ratio = pick(lite).p99 / pick(server).p99;
  return `${label.padEnd(34)}${triple(pick(lite))}${triple(pick(server))}   ${ratio.toFixed(2).padStart(5)}×${target ?? ''}`;
};

console.log(
  `node ${process.version}, ${os.cpus().length} CPUs; tab ${TAB_REQUESTS} requests at ${TAB_CONCURRENCY} in flight; bot ${MESSAGES} messages at ${BOT_CONCURRENCY} in flight`,
);
console.log(`${''.padEnd(34)}${'PGlite'.padStart(24)}${'PostgreSQL'.padStart(24)}   p99 ratio`);
console.log(`${'milliseconds'.padEnd(34)}${'p50 / p99 / max'.padStart(24)}${'p50 / p99 / max'.padStart(24)}`);
const tabRatio = lite.tab.p99 / server.tab.p99;
const botRatio = lite.bot.p99 / server.bot.p99;
console.log(row('tab API requests', (run) => run.tab, `  target ≤ 3×: ${verdict(tabRatio <= 3)}`));
console.log(row(`  ${NO_DATABASE_ROUTE} meanwhile`, (run) => run.tabProbe, `  p99 target ≤ 200 ms: ${verdict(lite.tabProbe.p99 <= 200)}`));
console.log(row('bot 会議 messages', (run) => run.bot, `  target ≤ 3×: ${verdict(botRatio <= 3)}`));
console.log(row(`  ${NO_DATABASE_ROUTE} meanwhile`, (run) => run.botProbe, `  p99 target ≤ 200 ms: ${verdict(lite.botProbe.p99 <= 200)}`));
console.log(`${'bot throughput'.padEnd(34)}${`${f(MESSAGES / lite.botSeconds)} /s`.padStart(24)}${`${f(MESSAGES / server.botSeconds)} /s`.padStart(24)}`);
const slowest = Math.max(lite.bot.max, server.bot.max);
console.log(
  `${'slowest bot turn'.padEnd(34)}${`${f(lite.bot.max)} ms`.padStart(24)}${`${f(server.bot.max)} ms`.padStart(24)}   target well under ${RESEND_WINDOW_MS / 1000} s (≤ ${RESEND_WINDOW_MS / 5000} s): ${verdict(slowest <= RESEND_WINDOW_MS / 5)}`,
);
console.log(
  `${'RSS after load / peak'.padEnd(34)}${`${f(lite.afterLoadRssMb)} / ${f(lite.peakRssMb)} MB`.padStart(24)}${`${f(server.afterLoadRssMb)} / ${f(server.peakRssMb)} MB`.padStart(24)}   (idle memory: bench/start.ts)`,
);
