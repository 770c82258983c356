/**
 * Throughput of the bot's `会議` command (identity, conversation reference, database reads and a
 * card) against a bare botbuilder echo bot, in the same run and on the same HTTP path: each
 * activity is posted to /api/messages and the reply is taken by a local Bot Connector stand-in.
 *
 *   npx tsx bench/bot-throughput.ts [--activities 2000] [--concurrency 20]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/bot-throughput.ts
 *
 * With DATABASE_URL the store is a fresh database on that server (created and dropped here);
 * without it, embedded PGlite in memory, which runs in this same process and so competes with
 * the bot, the HTTP client and the connector stand-in for the one CPU thread.
 *
 * Target: the `会議` command reaches at least 0.8× the echo bot's throughput.
 */
import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { ActivityHandler } from 'botbuilder';
import { pino } from 'pino';
import { AppBot } from '../bot/app-bot.js';
import { createBotRoute } from '../bot/index.js';
import { PROJECT_ROOT } from '../server/config.js';
import { ensureDemoItems } from '../server/demo-data.js';
import { createHttpServer, listen } from '../server/http-server.js';
import type { Store } from '../shared/ports/store.js';
import { parseProgrammeFile, toDomain } from '../shared/programme/programme-loader.js';
import { systemClock } from '../shared/time/clock.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { importProgramme } from '../shared/use-cases/programme-import.js';
import { applyStaffImport, planStaffImport } from '../shared/use-cases/staff-import.js';
import { createStore } from '../store/create-store.js';
import { withReadCache } from '../store/read-cache.js';
import { READ_CACHE_TTLS } from '../server/use-case-context.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../tests/support/connector-stand-in.js';
import { EchoBot } from '../tests/support/echo-bot.js';
import { createServerDatabase } from '../tests/support/server-database.js';
import { personalMessage, TEST_TENANT_ID } from '../tests/support/teams-activities.js';

const { values } = parseArgs({ options: { activities: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '20' } } });
const ACTIVITIES = Number(values.activities);
const CONCURRENCY = Number(values.concurrency);
/** Twenty people, so identity look-ups and conversation references are not all one row. */
const USERS = ['chiiki-gyosei.shunin', 'zaisei.kacho', 'somu.kacho', 'jinji.kacho', 'dx.kacho', 'kanmin-renkei.kacho', 'seisaku-kikaku.kacho', 'chiiki-gyosei.kacho', 'dx.fukusanji', 'kucho'];

async function programmeContext(databaseUrl: string | undefined): Promise<UseCaseContext> {
  // The store as the server opens it (server/use-case-context.ts).
  const ctx: UseCaseContext = { store: withReadCache(await createStore({ databaseUrl }), READ_CACHE_TTLS), clock: systemClock, newId: randomUUID };
  await importProgramme(ctx, toDomain(parseProgrammeFile(await fs.readFile(`${PROJECT_ROOT}/shared/programme/fy2024.yaml`, 'utf8'))));
  await applyStaffImport(ctx, await planStaffImport(ctx, await fs.readFile(`${PROJECT_ROOT}/shared/programme/demo-staff.csv`, 'utf8')));
  await ensureDemoItems(ctx);
  return ctx;
}

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

/** One bot behind its own /api/messages, posting activities from twenty people. */
async function startTarget(name: string, bot: ActivityHandler, store: Store, connector: ConnectorStandIn, text: string) {
  const logger = pino({ level: 'silent' });
  const route = createBotRoute({ bot, credentials: {}, allowedTenantIds: [TEST_TENANT_ID], idempotency: store.repositories.idempotency, logger });
  const server = createHttpServer({ store, logger, mounts: [route] });
  const endpoint = `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}/api/messages`;
  const users = USERS.map((upn, index) => {
    const account = { id: `29:${upn}`, name: upn, aadObjectId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` };
    connector.setMembers(`a:1personal-${account.aadObjectId}`, [{ ...account, userPrincipalName: `${upn}@example.jp` }]);
    return account;
  });
  let sequence = 0;
  const post = async () => {
    const index = sequence++;
    const activity = personalMessage(text, { serviceUrl: connector.url, from: users[index % users.length]!, id: `${name}-${index}` });
    const started = performance.now();
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}`);
    return performance.now() - started;
  };
  /** `count` activities, `CONCURRENCY` in flight at a time. */
  const run = async (count: number): Promise<Sample> => {
    const latencies: number[] = [];
    let sent = 0;
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
  };
  return { name, run, close: () => server.close() };
}

function summarise(name: string, samples: readonly Sample[]): Result {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { name, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

// A throw-away database on the server, so the bench never touches anyone's data.
const server = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : undefined;
const connector = await startConnectorStandIn({ rateLimits: false });
const ctx = await programmeContext(server?.url);
const echoTarget = await startTarget('echo bot', new EchoBot(), ctx.store, connector, '会議');
const meetingsTarget = await startTarget('会議 command', new AppBot(ctx), ctx.store, connector, '会議');
// Warm-up (JIT, identity links), then alternating rounds, so a busy moment on the machine
// affects both bots alike instead of whichever happened to run then.
await echoTarget.run(100);
await meetingsTarget.run(100);
const ROUNDS = 4;
const echoSamples: Sample[] = [];
const meetingSamples: Sample[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  echoSamples.push(await echoTarget.run(ACTIVITIES / ROUNDS));
  meetingSamples.push(await meetingsTarget.run(ACTIVITIES / ROUNDS));
}
echoTarget.close();
meetingsTarget.close();
const echo = summarise(echoTarget.name, echoSamples);
const meetings = summarise(meetingsTarget.name, meetingSamples);
const replies = connector.received({ operation: 'sendToConversation', delivered: true }).length + connector.received({ operation: 'replyToActivity', delivered: true }).length;
await connector.close();
await ctx.store.close();
await server?.drop();

const row = (r: Result) => `${r.name.padEnd(14)} ${r.perSecond.toFixed(0).padStart(6)} activities/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms`;
console.log(`${ACTIVITIES} activities per bot in ${4} alternating rounds, concurrency ${CONCURRENCY}, node ${process.version}, ${server ? 'PostgreSQL server' : 'PGlite in memory'}`);
console.log(row(echo));
console.log(row(meetings));
const ratio = meetings.perSecond / echo.perSecond;
console.log(`ratio (会議 / echo): ${ratio.toFixed(2)}×  target ≥ 0.80×  ${ratio >= 0.8 ? 'met' : 'NOT met'}`);
console.log(`connector stand-in received ${replies} messages`);
