import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type Dialect } from 'kysely';
import pg from 'pg';
import { DomainError } from '../shared/domain-error.js';
import type { Store } from '../shared/ports/store.js';
import type { Database } from './database.js';
import { LATEST_MIGRATION, migrationProvider } from './migrations/index.js';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock.js';
import { PgliteDialect } from './pglite-dialect.js';
import { openPgliteInWorker } from './pglite-in-worker.js';
import { groupCommittedIdempotencyRepository } from './repositories/audit-and-idempotency.js';
import { bindRepositories } from './repositories/index.js';

export interface StoreOptions {
  /** A PostgreSQL server (`postgres://…`); when absent, embedded PGlite is used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite's data folder, opened in a worker thread (store/pglite-in-worker.ts); absent means in memory, in this thread (tests). */
  readonly dataDir?: string | undefined;
  /** An already opened PGlite (tests start from a migrated template). */
  readonly pglite?: PGlite | undefined;
  /** Server pool size; several app instances share one server, so keep it modest. */
  readonly poolSize?: number | undefined;
  /** Where the build keeps the initialised PGlite cluster an empty `dataDir` is filled from (store/pglite-template.ts). */
  readonly pgliteTemplateDir?: string | undefined;
  /** Who opens a PGlite data folder, for the message a second opener gets (default: this process's command line). */
  readonly holder?: string | undefined;
}

/**
 * Opens the database, applies pending migrations and returns the store. A PGlite data folder is
 * locked for this process first (`DataFolderInUse` when another holds it) and released on close.
 */
export async function createStore(options: StoreOptions): Promise<Store> {
  const lock = !options.databaseUrl && !options.pglite && options.dataDir ? lockDataFolder(options.dataDir, options.holder ?? commandLine()) : undefined;
  let db: Kysely<Database> | undefined;
  try {
    db = new Kysely<Database>({ dialect: await openDialect(options) });
    await migrateToLatest(db);
  } catch (error) {
    await db?.destroy();
    lock?.release();
    throw error;
  }
  return kyselyStore(db, lock);
}

function commandLine(): string {
  const [script, ...args] = process.argv.slice(1);
  return ['node', script ? path.relative(process.cwd(), script) : '', ...args].filter(Boolean).join(' ').slice(0, 200);
}

async function openDialect(options: StoreOptions): Promise<Dialect> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection that the server drops (restart, failover) must not take the process down:
    // the pool discards it and the next query opens a new one.
    pool.on('error', () => undefined);
    return new PostgresDialect({ pool });
  }
  if (options.pglite) return new PgliteDialect(options.pglite);
  if (!options.dataDir) {
    // In memory (tests, benches): in this thread, where a test's many short-lived stores start fastest.
    const { PGlite } = await import('@electric-sql/pglite');
    return new PgliteDialect(await PGlite.create());
  }
  // A data folder is the server's database: in a thread of its own, so queries do not stall HTTP.
  return new PgliteDialect((await openPgliteInWorker({ dataDir: options.dataDir, templateDir: options.pgliteTemplateDir })).session);
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  // Kysely's migrator holds a lock row while it runs, so two instances starting together on one
  // server apply each migration once.
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, {
      cause: error,
    });
  }
}

function kyselyStore(db: Kysely<Database>, lock: DataFolderLock | undefined): Store {
  return {
    repositories: { ...bindRepositories(db), idempotency: groupCommittedIdempotencyRepository(db) },
    async transaction(work) {
      try {
        return await db.transaction().execute((tx) => work(bindRepositories(tx)));
      } catch (error) {
        throw isUniqueViolation(error) ? new DomainError('store.conflict') : error;
      }
    },
    async ping() {
      try {
        const row = await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(db);
        return row.rows[0]?.name === LATEST_MIGRATION;
      } catch {
        return false;
      }
    },
    async close() {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
  };
}

/** PostgreSQL's `unique_violation`, as both drivers report it. */
const UNIQUE_VIOLATION = '23505';

/**
 * A key the use case had checked was free, taken by a concurrent transaction before this one
 * committed (two first submits of one form id, two meetings numbered at once): the caller is told
 * it collided, rather than failing; the transaction has been rolled back.
 */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}
