import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite is one process's database: two processes on one data folder both write their own view
 * of it and one loses. So the folder is locked by a file inside it, created exclusively
 * (`O_CREAT | O_EXCL`), naming the process that holds it. It is released when the store closes
 * or the process exits; after a crash (`kill -9`, power loss) the file stays, and the next opener
 * finds it stale because that process is gone — on Linux it compares the process's start time
 * too, so a recycled pid (a container restarted with the same pid) is not mistaken for the holder.
 * A holder on another host (a shared network folder) cannot be checked and is taken as alive.
 */

export const LOCK_FILE_NAME = 'app.lock';

export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  /** Linux's boot id: a pid only means something within one boot. */
  readonly bootId?: string | undefined;
  /** Linux's start time of the process (clock ticks since boot), to tell a recycled pid. */
  readonly processStart?: string | undefined;
  /** ISO instant the lock was taken. */
  readonly since: string;
  /** What the process is (`node dist/server/main.js`, `admin staff import …`). */
  readonly command: string;
}

/** Another live process holds the folder; the caller says so in the user's language and stops. */
export class DataFolderInUse extends Error {
  override name = 'DataFolderInUse';
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(`data folder ${folder} is in use by pid ${holder.pid} on ${holder.hostname} since ${holder.since} (${holder.command})`);
  }
}

export interface DataFolderLock {
  readonly folder: string;
  release(): void;
}

/** Folders this process holds, so a second open in the same process is refused too. */
const heldHere = new Map<string, LockHolder>();

function readOptional(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat, counted after the command name (which may hold spaces). */
function processStartOf(pid: number): string | undefined {
  const stat = readOptional(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function thisProcess(command: string): LockHolder {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: readOptional('/proc/sys/kernel/random/boot_id'),
    processStart: processStartOf(process.pid),
    since: new Date().toISOString(),
    command,
  };
}

function parseHolder(text: string | undefined): LockHolder | undefined {
  try {
    const value = JSON.parse(text ?? '') as Partial<LockHolder>;
    return typeof value.pid === 'number' && typeof value.hostname === 'string' ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process named in the lock may still be using the folder. */
function isAlive(holder: LockHolder): boolean {
  const me = thisProcess('');
  if (holder.hostname !== me.hostname) return true;
  if (holder.bootId && me.bootId && holder.bootId !== me.bootId) return false;
  if (holder.pid === process.pid) return false;
  if (!isRunning(holder.pid)) return false;
  const start = processStartOf(holder.pid);
  return !(holder.processStart && start && holder.processStart !== start);
}

/**
 * Takes the folder for this process or throws `DataFolderInUse`. `command` says who holds it, for
 * the message another opener sees.
 */
export function lockDataFolder(folder: string, command: string): DataFolderLock {
  const resolved = path.resolve(folder);
  const already = heldHere.get(resolved);
  if (already) throw new DataFolderInUse(resolved, already);
  fs.mkdirSync(resolved, { recursive: true });
  const lockFile = path.join(resolved, LOCK_FILE_NAME);
  const mine = thisProcess(command);
  const text = JSON.stringify(mine);

  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = fs.openSync(lockFile, 'wx', 0o600);
      try {
        fs.writeSync(fd, text);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return held(resolved, lockFile, mine, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = readOptional(lockFile);
    if (found === undefined) continue; // released meanwhile
    const holder = parseHolder(found);
    if (holder && isAlive(holder)) throw new DataFolderInUse(resolved, holder);
    takeOverStale(lockFile, found);
  }
  const holder = parseHolder(readOptional(lockFile));
  throw new DataFolderInUse(resolved, holder ?? { pid: 0, hostname: '?', since: '?', command: '?' });
}

/**
 * Moves a stale lock aside (a rename is atomic), then checks that what was moved is the stale one:
 * if another opener took the folder in between, its fresh lock is put back.
 */
function takeOverStale(lockFile: string, staleText: string): void {
  const aside = `${lockFile}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readOptional(aside);
  if (moved !== staleText) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // A third opener took the folder meanwhile; its lock stands.
    }
  }
  fs.rmSync(aside, { force: true });
}

function held(folder: string, lockFile: string, holder: LockHolder, text: string): DataFolderLock {
  heldHere.set(folder, holder);
  const release = () => {
    if (heldHere.get(folder) !== holder) return;
    heldHere.delete(folder);
    process.off('exit', release);
    // Only our own lock is removed: never one another process has since taken over.
    if (readOptional(lockFile) === text) fs.rmSync(lockFile, { force: true });
  };
  // `process.exit()` skips the store's close; the file must not outlive a clean exit.
  process.on('exit', release);
  return { folder, release };
}
