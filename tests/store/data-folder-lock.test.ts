import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../store/create-store.js';
import { DataFolderInUse, LOCK_FILE_NAME, lockDataFolder, type LockHolder } from '../../store/data-folder-lock.js';

/**
 * One process per PGlite folder: a second opener is refused while the holder lives, and the lock a
 * crashed holder left behind is taken over. Holders are real processes (a child we start and kill).
 */
describe('the data folder lock', () => {
  let folder: string;
  const children: ReturnType<typeof spawn>[] = [];
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-test-'));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const lockFile = () => path.join(folder, LOCK_FILE_NAME);
  const processStart = (pid: number) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  };
  /** A live process that is not this one, and the lock file it would have written. */
  const liveHolder = async (): Promise<{ child: ReturnType<typeof spawn>; holder: LockHolder }> => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(child);
    await new Promise((resolve) => child.once('spawn', resolve));
    const holder: LockHolder = {
      pid: child.pid!,
      hostname: os.hostname(),
      bootId: fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
      processStart: processStart(child.pid!),
      since: '2026-12-02T01:00:00.000Z',
      command: 'node dist/server/main.js',
    };
    fs.writeFileSync(lockFile(), JSON.stringify(holder));
    return { child, holder };
  };

  it('refuses a second opener while the holder runs, naming the folder and the holder', async () => {
    const { holder } = await liveHolder();
    const refusal = (() => {
      try {
        lockDataFolder(folder, 'admin import');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DataFolderInUse);
    expect(refusal).toMatchObject({ folder, holder: { pid: holder.pid, command: 'node dist/server/main.js' } });
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toEqual(holder);
  });

  it('takes over the lock of a holder that was killed, and releases its own on close', async () => {
    const { child } = await liveHolder();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const lock = lockDataFolder(folder, 'node dist/server/main.js');
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, command: 'node dist/server/main.js' });
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('does not take a recycled pid for the holder: same pid, another process start', async () => {
    const { holder } = await liveHolder();
    fs.writeFileSync(lockFile(), JSON.stringify({ ...holder, processStart: '1' }));
    lockDataFolder(folder, 'server').release();
  });

  it('treats a holder on another host as alive (it cannot be checked), and a lock from before a reboot as stale', async () => {
    const { holder } = await liveHolder();
    fs.writeFileSync(lockFile(), JSON.stringify({ ...holder, hostname: 'other-host' }));
    expect(() => lockDataFolder(folder, 'server')).toThrowError(DataFolderInUse);
    fs.writeFileSync(lockFile(), JSON.stringify({ ...holder, bootId: 'an-earlier-boot' }));
    lockDataFolder(folder, 'server').release();
  });

  it('refuses a second open in the same process, and takes over an unreadable lock file', () => {
    fs.writeFileSync(lockFile(), '{"pid":');
    const lock = lockDataFolder(folder, 'first');
    expect(() => lockDataFolder(folder, 'second')).toThrowError(DataFolderInUse);
    lock.release();
    lockDataFolder(folder, 'third').release();
  });

  it('never removes a lock another process has since taken', async () => {
    const lock = lockDataFolder(folder, 'first');
    const { holder } = await liveHolder();
    lock.release();
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toEqual(holder);
  });

  it('is taken by the store on a PGlite folder and given back when the store closes', async () => {
    const store = await createStore({ dataDir: folder, holder: 'test store' });
    try {
      await expect(createStore({ dataDir: folder })).rejects.toBeInstanceOf(DataFolderInUse);
      expect(await store.ping()).toBe(true);
    } finally {
      await store.close();
    }
    expect(fs.existsSync(lockFile())).toBe(false);
    const reopened = await createStore({ dataDir: folder });
    await reopened.close();
  }, 60_000);
});
