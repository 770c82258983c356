/**
 * Run as a child process by tests/server/runtime.test.ts: loads what `server/main.ts` loads, serves
 * one request through restify and prints the Node version and the answer as JSON. Whatever Node
 * prints while doing so (deprecations, experimental warnings) lands on this process's stderr.
 */
import '../../bot/index.js';
import '../../tab/index.js';
import '../../server/bootstrap.js';
import '../../server/notification-scheduler.js';
import '../../server/use-case-context.js';
import { pino } from 'pino';
import { closeGracefully, createHttpServer, listen } from '../../server/http-server.js';
import type { Store } from '../../shared/ports/store.js';

const store = { ping: async () => true } as unknown as Store;
const server = createHttpServer({ store, logger: pino({ level: 'silent' }) });
const port = await listen(server, '127.0.0.1', 0);
const response = await fetch(`http://127.0.0.1:${port}/api/health`);
const answer = { node: process.version, status: response.status, body: await response.json() };
await closeGracefully(server, 1_000);
process.stdout.write(`${JSON.stringify(answer)}\n`);
