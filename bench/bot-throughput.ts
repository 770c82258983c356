/**
 * Bot turn cost: the app's `会議` command against a bare botbuilder echo bot, each a server in its
 * own process behind real HTTP. Activities in Bot Framework's format are posted to /api/messages
 * from twenty people; replies go to a local Bot Connector stand-in. The baseline is
 * bench/support/bare-echo-bot.ts (restify + CloudAdapter + an ActivityHandler, no app code); the
 * app is `node dist/server/main.js` in local mode, as `npm start` runs it, once on PGlite (a fresh
 * data folder) and once on PostgreSQL (a throw-away database). Rounds alternate between the
 * three, so a busy moment on the machine falls on all of them alike.
 *
 *   npx tsx bench/bot-throughput.ts [--activities 2000] [--concurrency 20] [--profile]
 *
 * PostgreSQL is DATABASE_URL's server, else postgres://postgres@127.0.0.1:5432/test; the database
 * is created and dropped here. `--profile` runs the app under `node --cpu-prof` and prints where
 * its CPU time went.
 *
 * Target: `会議` ≥ 0.8× the echo bot's throughput and p99 ≤ 1.5× its p99, on both databases.
 *
 * Finding (`--profile`, 2,000 turns each; the figures are in issue 13's closing note). Both
 * servers are CPU-bound on their one JavaScript thread, and on this machine kind a socket write is
 * a costly system call (0.2–1 ms for `writev`, the largest single item in every profile). The echo
 * bot's turn is botbuilder's own work: restify's body parsing, CloudAdapter, and the connector
 * client (@azure/core-client, ts-http-runtime) writing the reply. The app added, per turn: (1) one
 * more socket write and a round trip for the activity-id claim, the durable duplicate check that
 * must commit before the turn runs — one INSERT per turn, sent by pg or posted to PGlite's thread;
 * (2) on PGlite, before it moved to a worker thread, 0.7 ms of WASM per turn on the HTTP thread;
 * (3) about 0.3 ms of the app's own code (the meetings card) and a log line written synchronously.
 * Fixed: claims that arrive together commit in one multi-row INSERT (group commit, each caller
 * still waits for its row), so under load the claim costs a fraction of a write per turn; PGlite
 * runs in its worker; the repeated reads (directory, answers, absences) come from the read cache;
 * logs are written asynchronously. What remains over the echo bot is the claim's share and the
 * card, both needed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfChanged } from '../bin/build.js';
import { childEnvironment, PROJECT_ROOT } from '../tests/cli/run-cli.js';
import { ChildServer } from '../tests/support/child-process.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../tests/support/connector-stand-in.js';
import { createServerDatabase } from '../tests/support/server-database.js';
import { personalMessage } from '../tests/support/teams-activities.js';
import { demoSenders } from './support/demo-senders.js';
import { monotonicMicros, summariseProfiles, type ProfileShare } from './support/cpu-profile.js';

const { values } = parseArgs({
  options: { activities: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '20' }, profile: { type: 'boolean', default: false } },
});
const ACTIVITIES = Number(values.activities);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = 4;
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Sample {
  readonly seconds: number;
  readonly latencies: number[];
}

interface Result {
  readonly name: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

interface Target {
  readonly name: string;
  readonly server: ChildServer;
  readonly endpoint: string;
  readonly profileDir?: string;
}

async function startTarget(name: string, command: readonly string[], env: NodeJS.ProcessEnv, profileDir?: string): Promise<Target> {
  const [executable, ...args] = command;
  const server = new ChildServer(executable!, profileDir ? [`--cpu-prof`, `--cpu-prof-dir=${profileDir}`, ...args] : args, { cwd: PROJECT_ROOT, env });
  const url = await server.listening();
  return { name, server, endpoint: `${url}/api/messages`, ...(profileDir ? { profileDir } : {}) };
}

/** `count` activities of `target`, `CONCURRENCY` in flight at a time, each id new. */
async function run(target: Target, connector: ConnectorStandIn, count: number, text: string, sequence: { next: number }): Promise<Sample> {
  const latencies: number[] = [];
  let sent = 0;
  const post = async () => {
    const index = sequence.next++;
    const activity = personalMessage(text, { serviceUrl: connector.url, from: accounts[index % accounts.length]!, id: `${target.name}-${index}` });
    const started = performance.now();
    const response = await fetch(target.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${target.name}: HTTP ${response.status}\n${target.server.transcript().slice(-4000)}`);
    return performance.now() - started;
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < count) {
        sent += 1;
        latencies.push(await post());
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies };
}

function summarise(name: string, samples: readonly Sample[]): Result {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { name, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

buildIfChanged({ targets: ['server', 'database'] });
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bot-'));
const database = await createServerDatabase(SERVER_URL).catch((error: unknown) => {
  console.log(`PostgreSQL at ${SERVER_URL} unreachable (${String(error)}): PGlite only`);
  return undefined;
});
const connector = await startConnectorStandIn({ rateLimits: false });
const accounts = demoSenders(connector);

const app = [process.execPath, path.join(PROJECT_ROOT, 'dist/server/main.js')];
// childEnvironment clears DATABASE_URL, so a server target sets it afterwards.
const appEnv = (name: string, databaseUrl?: string): NodeJS.ProcessEnv => ({
  ...childEnvironment(path.join(tempRoot, `${name}-data`), { PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development' }),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const profileDir = (name: string) => (values.profile ? fs.mkdtempSync(path.join(tempRoot, `${name}-profile-`)) : undefined);
const targets: Target[] = [
  await startTarget(
    'echo bot',
    [process.execPath, '--import', 'tsx', path.join(PROJECT_ROOT, 'bench/support/bare-echo-bot.ts')],
    { ...process.env, PORT: '0' },
    profileDir('echo'),
  ),
  await startTarget('会議 PGlite', app, appEnv('pglite'), profileDir('pglite')),
  ...(database ? [await startTarget('会議 PostgreSQL', app, appEnv('postgres', database.url), profileDir('postgres'))] : []),
];

const sequence = { next: 0 };
const textOf = (target: Target) => (target.name === 'echo bot' ? 'echo' : '会議');
// Warm-up (JIT, identity links, caches), then alternating rounds.
for (const target of targets) await run(target, connector, 100, textOf(target), sequence);
const samples = new Map<Target, Sample[]>(targets.map((target) => [target, []]));
const measured = { from: monotonicMicros(), to: 0 };
for (let round = 0; round < ROUNDS; round += 1) {
  for (const target of targets) samples.get(target)!.push(await run(target, connector, ACTIVITIES / ROUNDS, textOf(target), sequence));
}
measured.to = monotonicMicros();
for (const target of targets) await target.server.stop('SIGTERM');

// Every activity was answered once, and the app's answers are its meetings card.
const replies = [
  ...connector.received({ operation: 'sendToConversation', delivered: true }),
  ...connector.received({ operation: 'replyToActivity', delivered: true }),
];
const expected = targets.length * (100 + ACTIVITIES);
const cards = replies.filter((reply) => JSON.stringify(reply.body).includes('application/vnd.microsoft.card.adaptive')).length;
const operationCounts = new Map<string, number>();
for (const request of connector.received()) operationCounts.set(request.operation, (operationCounts.get(request.operation) ?? 0) + 1);
const operations = [...operationCounts].map(([operation, count]) => `${operation} ${count}`);
await connector.close();
await database?.drop();

const [echo, ...apps] = targets.map((target) => summarise(target.name, samples.get(target)!));
const row = (r: Result) =>
  `${r.name.padEnd(16)} ${r.perSecond.toFixed(0).padStart(6)} activities/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms`;
console.log(
  `${ACTIVITIES} activities per server in ${ROUNDS} alternating rounds, concurrency ${CONCURRENCY}, node ${process.version}, ${os.cpus().length} CPUs`,
);
console.log(row(echo!));
for (const result of apps) {
  const throughput = result.perSecond / echo!.perSecond;
  const tail = result.p99 / echo!.p99;
  console.log(row(result));
  console.log(
    `  ${result.name}: throughput ${throughput.toFixed(2)}× the echo bot (target ≥ 0.80×, ${throughput >= 0.8 ? 'met' : 'NOT met'}), p99 ${tail.toFixed(2)}× (target ≤ 1.50×, ${tail <= 1.5 ? 'met' : 'NOT met'})`,
  );
}
console.log(`connector stand-in: ${operations.join(', ')}`);
console.log(
  `connector stand-in received ${replies.length} of ${expected} replies; ${cards} of them Adaptive Cards (the app's ${apps.length * (100 + ACTIVITIES)} expected)`,
);
if (values.profile) {
  for (const target of targets.filter((candidate) => candidate.profileDir)) {
    const { busyMs, shares, callers, functions } = summariseProfiles(target.profileDir!, PROJECT_ROOT, measured);
    const line = (share: ProfileShare) => `  ${(share.share * 100).toFixed(1).padStart(5)} %  ${share.ms.toFixed(0).padStart(6)} ms  ${share.place}`;
    console.log(`\nCPU time of ${target.name} (measured rounds only): ${(busyMs / 1000).toFixed(1)} s busy; self time by place:`);
    for (const share of shares.slice(0, 12)) console.log(line(share));
    console.log('  native code and Node internals charged to their caller:');
    for (const share of callers.slice(0, 12)) console.log(line(share));
    console.log('  by function:');
    for (const share of functions.slice(0, 20)) console.log(line(share));
  }
}
fs.rmSync(tempRoot, { recursive: true, force: true });
