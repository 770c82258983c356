/**
 * Builds what changed: the server (tsc → `dist/`), the tab (Vite → `tab/dist/`) and the embedded
 * database's initialised cluster (`dist/pglite-<version>-initdb.tar.gz`), each only when
 * the content of its inputs differs from the last build's. `npm start` runs this before starting,
 * so a second start rebuilds nothing; the tests that need a built app call `buildIfChanged()`.
 *
 * Each target's inputs are hashed (path and content, not modification times: a fresh clone or a
 * `git checkout` touches every file) and the hash is written next to the output once its build
 * succeeded. A failed build leaves no stamp, so the next run builds again.
 *
 * Usage: `tsx bin/build.ts [--force]`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgliteTemplatePath } from '../store/pglite-template.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Target {
  readonly name: 'server' | 'tab' | 'database';
  /** Folders and files (relative to the project root) whose content the build depends on. */
  readonly inputs: readonly string[];
  /** Folders left out of the folders above. */
  readonly skip: readonly string[];
  /** A file the build writes: when it is missing the target is built whatever the stamp says. */
  readonly output: (root: string) => string;
  readonly stamp: string;
  readonly command: readonly string[];
}

const COMMON_INPUTS = ['package-lock.json', 'tsconfig.json'];

const TARGETS: readonly Target[] = [
  {
    name: 'server',
    inputs: ['shared', 'store', 'server', 'bot', 'bin', 'tab', 'tsconfig.build.json', ...COMMON_INPUTS],
    skip: ['tab/web', 'tab/bundler', 'tab/dist'],
    output: (root) => path.join(root, 'dist/server/main.js'),
    stamp: 'dist/.build-stamp',
    command: ['node_modules/.bin/tsc', '-p', 'tsconfig.build.json'],
  },
  {
    name: 'tab',
    // The tab imports the shared library's formatters and labels.
    inputs: ['tab/web', 'tab/bundler', 'shared', ...COMMON_INPUTS],
    skip: [],
    output: (root) => path.join(root, 'tab/dist/index.html'),
    stamp: 'tab/dist/.build-stamp',
    command: ['node_modules/.bin/vite', 'build', '--config', 'tab/bundler/vite.config.ts'],
  },
  {
    // The initialised PGlite cluster a first start copies instead of running initdb (store/pglite-template.ts).
    name: 'database',
    inputs: ['node_modules/@electric-sql/pglite/package.json', 'store/pglite-template.ts'],
    skip: [],
    output: (root) => path.join(pgliteTemplatePath(path.join(root, 'dist')), 'PG_VERSION'),
    stamp: 'dist/.pglite-template-stamp',
    command: ['node_modules/.bin/tsx', 'bin/pglite-template.ts', 'dist'],
  },
];

const SOURCE_FILE = /\.(ts|tsx|mts|js|mjs|json|yaml|csv|html|css|svg|png)$/;

/** The hash of every source file under the target's inputs, in a stable order. */
function inputHash(target: Target, root: string): string {
  const files: string[] = [];
  const skipped = new Set(['node_modules', 'dist', ...target.skip.map((dir) => path.join(root, dir))]);
  const visit = (full: string) => {
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(full)) {
        const child = path.join(full, entry);
        if (!skipped.has(entry) && !skipped.has(child)) visit(child);
      }
    } else if (SOURCE_FILE.test(full)) {
      files.push(full);
    }
  };
  for (const input of target.inputs) visit(path.join(root, input));
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export type BuildOutcome = 'built' | 'up to date';

export type TargetName = Target['name'];

export interface BuildOptions {
  /** Build even when the stamp matches (`npm run build`). */
  readonly force?: boolean;
  /** Which targets; both by default. */
  readonly targets?: readonly TargetName[];
  readonly root?: string;
  /** Where progress lines go; without it the builds' own output is kept for the error message only. */
  readonly log?: (line: string) => void;
}

/**
 * Builds each target whose inputs changed since its last successful build; throws when a build
 * fails. Test files in parallel workers may ask at once: one builds while the others wait for it
 * (a lock per target), then find the stamp fresh.
 */
export function buildIfChanged(options: BuildOptions = {}): Partial<Record<TargetName, BuildOutcome>> {
  const root = options.root ?? PROJECT_ROOT;
  const outcome: Partial<Record<TargetName, BuildOutcome>> = {};
  for (const target of TARGETS.filter((candidate) => options.targets?.includes(candidate.name) ?? true)) {
    outcome[target.name] = withTargetLock(root, target, () => buildTarget(root, target, options));
  }
  return outcome;
}

function buildTarget(root: string, target: Target, options: BuildOptions): BuildOutcome {
  const hash = inputHash(target, root);
  const stampFile = path.join(root, target.stamp);
  const fresh = !options.force && fs.existsSync(target.output(root)) && readStamp(stampFile) === hash;
  if (fresh) {
    options.log?.(`build: the ${target.name} is up to date`);
    return 'up to date';
  }
  options.log?.(`build: building the ${target.name} (${target.command.join(' ')})`);
  const [command = '', ...args] = target.command;
  const result = spawnSync(path.join(root, command), args, { cwd: root, stdio: options.log ? 'inherit' : 'pipe', encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`building the ${target.name} failed (exit ${result.status ?? result.signal}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, `${hash}\n`);
  return 'built';
}

/**
 * Runs `work` holding the target's lock: a folder made exclusively, holding the holder's pid. A
 * lock whose holder is gone (a killed build) is taken over; otherwise this waits until it is released.
 */
function withTargetLock<T>(root: string, target: Target, work: () => T): T {
  const lockDir = path.join(root, 'node_modules', '.cache', 'build-locks', `${target.name}.lock`);
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(lockDir)) fs.rmSync(lockDir, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function holderAlive(lockDir: string): boolean {
  const pid = Number(readStamp(path.join(lockDir, 'pid')));
  // A lock folder without a pid yet is being taken right now, unless its taker died at that moment.
  if (!Number.isInteger(pid) || pid <= 0) {
    const stat = fs.statSync(lockDir, { throwIfNoEntry: false });
    return stat !== undefined && Date.now() - stat.mtimeMs < 10_000;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readStamp(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildIfChanged({ force: process.argv.includes('--force'), log: (line) => console.log(line) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
