import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PgliteSession } from './pglite-dialect.js';
import type { PgliteOpening } from './pglite-template.js';

/**
 * PGlite in a worker thread. PGlite is PostgreSQL compiled to WASM: each statement is a synchronous
 * call that holds its thread for its whole run, so in the server's thread every query stalled the
 * event loop that also answers HTTP (measured in bench/embedded-stalls.ts). Here the database has
 * a thread of its own: statements are posted to it and their results awaited, and the server's
 * loop stays free for requests that need no database. The worker opens the data folder exactly as
 * before (store/pglite-template.ts); locking the folder stays with the store, in this thread.
 */

/** What the worker is told to open: a data folder (with the template an empty one is filled from), or memory. */
export interface PgliteWorkerData {
  readonly dataDir?: string | undefined;
  readonly templateDir?: string | undefined;
}

/** What the worker is asked to do: run a statement, or close the database. */
export type PgliteCommand = { readonly kind: 'query'; readonly sql: string; readonly parameters: unknown[] } | { readonly kind: 'close' };
export type PgliteWorkerRequest = PgliteCommand & { readonly id: number };

/** A failed statement as it crosses the thread boundary: the message and PostgreSQL's fields (`code`, `constraint`, …). */
export interface TransferredError {
  readonly name: string;
  readonly message: string;
  readonly fields: Readonly<Record<string, string | number | boolean>>;
}

export type PgliteWorkerMessage =
  | { readonly kind: 'opened'; readonly opening: PgliteOpening | 'in memory' }
  | { readonly kind: 'failed'; readonly error: TransferredError }
  | { readonly kind: 'result'; readonly id: number; readonly rows: unknown[]; readonly affectedRows?: number | undefined }
  | { readonly kind: 'error'; readonly id: number; readonly error: TransferredError }
  | { readonly kind: 'closed'; readonly id: number };

/** The error thrown here for one raised in the worker: same message, same `code` and other fields. */
export function revivedError(transferred: TransferredError): Error {
  const error = new Error(transferred.message);
  error.name = transferred.name;
  return Object.assign(error, transferred.fields);
}

/**
 * The worker's entry point. Under tsx or vitest this module is TypeScript, and so is the worker
 * next to it: a worker does not inherit tsx's loader, so a two-line script imports it through tsx.
 */
function startWorker(data: PgliteWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: data });
  const api = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs');
  const entry = new URL('./pglite-worker.ts', import.meta.url).href;
  const script = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
  return new Worker(script, { eval: true, workerData: data });
}

interface Pending {
  resolve(message: PgliteWorkerMessage): void;
  reject(error: Error): void;
}

class WorkerSession implements PgliteSession {
  readonly waitReady: Promise<void>;
  closed = false;
  opening: PgliteOpening | 'in memory' | undefined;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Set once the worker can take no more statements (it failed to open, crashed or exited). */
  private gone: Error | undefined;

  constructor(data: PgliteWorkerData) {
    this.worker = startWorker(data);
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (message: PgliteWorkerMessage) => {
        if (message.kind === 'opened') {
          this.opening = message.opening;
          this.idle();
          resolve();
        } else if (message.kind === 'failed') reject(this.end(revivedError(message.error)));
        else this.settle(message);
      });
      this.worker.on('error', (error) => reject(this.end(error)));
      this.worker.on('exit', (code) => reject(this.end(new Error(`the PGlite worker exited (code ${code})`))));
    });
  }

  async query<R>(sql: string, parameters: unknown[]): Promise<{ rows: R[]; affectedRows?: number }> {
    const reply = await this.send({ kind: 'query', sql, parameters });
    if (reply.kind === 'error') throw revivedError(reply.error);
    if (reply.kind !== 'result') throw new Error(`the PGlite worker answered a query with ${reply.kind}`);
    return { rows: reply.rows as R[], ...(reply.affectedRows !== undefined ? { affectedRows: reply.affectedRows } : {}) };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      const reply = this.gone ? undefined : await this.send({ kind: 'close' });
      if (reply?.kind === 'error') throw revivedError(reply.error);
    } finally {
      await this.worker.terminate();
    }
  }

  private send(command: PgliteCommand): Promise<PgliteWorkerMessage> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    // The worker keeps the process alive only while a statement is under way, like a socket with a
    // request in flight; an idle store does not hold the process open, as PGlite in this thread did not.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...command, id } satisfies PgliteWorkerRequest);
    });
  }

  private settle(message: Extract<PgliteWorkerMessage, { id: number }>): void {
    const pending = this.pending.get(message.id);
    this.pending.delete(message.id);
    this.idle();
    pending?.resolve(message);
  }

  private idle(): void {
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Fails every statement under way and every later one with `error`. */
  private end(error: Error): Error {
    this.gone ??= error;
    for (const pending of this.pending.values()) pending.reject(this.gone);
    this.pending.clear();
    return this.gone;
  }
}

/**
 * Starts the worker and waits until it has opened the database: the data folder (`dataDir`, filled
 * from `templateDir`'s template when empty), or an in-memory one. An opening that fails rejects here.
 */
export async function openPgliteInWorker(data: PgliteWorkerData): Promise<{ session: PgliteSession; opening: PgliteOpening | 'in memory' }> {
  const session = new WorkerSession(data);
  try {
    await session.waitReady;
  } catch (error) {
    await session.close().catch(() => undefined);
    throw error;
  }
  return { session, opening: session.opening ?? 'in memory' };
}
