/**
 * The checks `npm test` runs before the test suite, side by side: the type check (`npm run
 * typecheck`), the linter (`npm run lint`) and Prettier's check (`npm run format:check`) are each
 * one single-threaded process, so on two cores they take about half their sum. Each one's output is printed whole
 * once it ends, so the two never interleave; the exit code is non-zero when either failed.
 *
 * Usage: `tsx bin/static-checks.ts` (`npm run check`).
 */
import { spawn } from 'node:child_process';

interface Outcome {
  readonly script: string;
  readonly code: number | null;
  readonly output: string;
  readonly seconds: number;
}

function runScript(script: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ script, code, output: Buffer.concat(chunks).toString('utf8'), seconds: (performance.now() - started) / 1000 }));
  });
}

const outcomes = await Promise.all(['typecheck', 'lint', 'format:check'].map(runScript));
for (const outcome of outcomes) {
  const verdict = outcome.code === 0 ? 'passed' : `failed (exit ${outcome.code ?? 'signal'})`;
  process.stdout.write(`== npm run ${outcome.script}: ${verdict} in ${outcome.seconds.toFixed(0)} s\n${outcome.output}`);
}
process.exitCode = outcomes.every((outcome) => outcome.code === 0) ? 0 : 1;
