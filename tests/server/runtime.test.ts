import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.js';

/**
 * The server must load and serve on every Node the README names (20.19+ for development, 22 in
 * production, 24) without Node printing anything: restify 11 loaded spdy, whose http-deceiver made
 * Node 20 and 22 print DEP0111 and failed on Node 24 with `No such module: http_parser`.
 * `npm run test:runtimes` runs this file on each of them.
 */

const FIXTURE = path.join(PROJECT_ROOT, 'tests/support/serve-one-request.ts');

function runOnThisNode(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe(`the server on Node ${process.version}`, () => {
  it('loads its modules and answers a request with nothing on stderr (no deprecation or other warning)', async () => {
    const run = await runOnThisNode(['--trace-deprecation', '--trace-warnings', '--import', 'tsx', FIXTURE]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ node: process.version, status: 200, body: { status: 'ok', db: 'ok' } });
  }, 60_000);

  // `npm run test:runtimes` sets EXPECTED_NODE_MAJOR, so a run that silently used another Node fails.
  it.runIf(process.env.EXPECTED_NODE_MAJOR)('runs on the Node major the runtime check asked for', () => {
    expect(process.versions.node.split('.')[0]).toBe(process.env.EXPECTED_NODE_MAJOR);
  });
});
