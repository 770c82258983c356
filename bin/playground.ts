/**
 * Opens the Microsoft 365 Agents Playground against the locally running app (`npm start` or
 * `npm run dev` in another terminal). Offline: telemetry and Application Insights statsbeat off.
 * The Teams context (users = demo staff) comes from `.m365agentsplayground.yml`.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const port = process.env.PORT ?? '3978';
const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
const child = spawn(
  process.execPath,
  [cli, '--app-endpoint', `http://127.0.0.1:${port}/api/messages`, '--channel-id', 'msteams', '--disable-telemetry', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, APPLICATION_INSIGHTS_NO_STATSBEAT: 'true' },
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
