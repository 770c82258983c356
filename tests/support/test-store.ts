import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import type { Store } from '../../shared/ports/store.js';
import { createStore } from '../../store/create-store.js';

export interface StoreVariant {
  readonly name: 'pglite' | 'postgres';
  /** Why the variant does not run here, if it does not. */
  readonly skipReason?: string | undefined;
  open(): Promise<Store>;
}

/** An in-memory PGlite started from the migrated template made by the global setup. */
export async function openPgliteStore(): Promise<Store> {
  const tarball = await fs.readFile(inject('pgliteTemplatePath'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([tarball]) });
  return createStore({ pglite });
}

/**
 * A new, empty database on the server named by DATABASE_URL, dropped again on close, so test
 * files never see each other's rows.
 */
export async function openServerStore(serverUrl: string): Promise<Store> {
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await createStore({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    ...store,
    async close() {
      await store.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
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
