import { spawn } from 'node:child_process';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
/** The built CLI (tests/support/global-setup.ts builds it once per run): no TypeScript compiled per run. */
const ADMIN = path.join(PROJECT_ROOT, 'dist/bin/admin.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a child process that must use PGlite in `dataDir`: the test run's
 * DATABASE_URL (set for the store suite) is removed, as are bot credentials (local mode).
 */
export function childEnvironment(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...extra };
  for (const name of ['DATABASE_URL', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId']) delete env[name];
  return env;
}

/** Runs the real admin CLI (`node dist/bin/admin.js …`, what `npm run admin` runs, built) as a child process with the given data folder. */
export function runCli(args: readonly string[], dataDir: string, timeoutMs = 90_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ADMIN, ...args], { cwd: PROJECT_ROOT, env: childEnvironment(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`admin ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A line of a JavaScript stack trace (`    at foo (file.ts:1:2)`). */
export const STACK_TRACE_LINE = /^\s+at\s.+(:\d+:\d+\)?|\(native\)|<anonymous>)$/m;
