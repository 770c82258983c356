import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import type { Store } from '../../shared/ports/store.js';
import { createStore } from '../../store/create-store.js';
import { createServerDatabase } from './server-database.js';

export { createServerDatabase } from './server-database.js';

export interface StoreVariant {
  readonly name: 'pglite' | 'postgres';
  /** Why the variant does not run here, if it does not. */
  readonly skipReason?: string | undefined;
  readonly open: () => Promise<Store>;
}

/** An in-memory PGlite started from the migrated template made by the global setup. */
export async function openPgliteStore(): Promise<Store> {
  return (await openInspectablePgliteStore()).store;
}

/** Every row of every table, each as its text form in a stable order: compare two to see whether anything was written. */
export type TableContents = Readonly<Record<string, readonly string[]>>;

/** {@link openPgliteStore}, plus a reading of every table straight from the database (audit, outbox and idempotency included). */
export async function openInspectablePgliteStore(): Promise<{ store: Store; tables: () => Promise<TableContents> }> {
  const tarball = await fs.readFile(inject('pgliteTemplatePath'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([tarball]) });
  const store = await createStore({ pglite });
  const tables = async (): Promise<TableContents> => {
    const names = await pglite.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    );
    const contents: Record<string, string[]> = {};
    for (const { name } of names.rows) {
      const rows = await pglite.query<{ row: string }>(`select t::text as row from "${name}" t order by 1`);
      contents[name] = rows.rows.map((each) => each.row);
    }
    return contents;
  };
  return { store, tables };
}

/**
 * A new, empty database on the server named by DATABASE_URL, dropped again on close, so test
 * files never see each other's rows.
 */
export async function openServerStore(serverUrl: string): Promise<Store> {
  const database = await createServerDatabase(serverUrl);
  const store = await createStore({ databaseUrl: database.url, poolSize: 4 });
  return {
    ...store,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

const serverUrl = process.env.DATABASE_URL;

/** Suites that touch the database run once per variant: PGlite always, the server when configured. */
export const STORE_VARIANTS: readonly StoreVariant[] = [
  { name: 'pglite', open: openPgliteStore },
  {
    name: 'postgres',
    skipReason: serverUrl ? undefined : 'DATABASE_URL is not set (CI sets it to the local PostgreSQL server)',
    open: () => openServerStore(serverUrl!),
  },
];
