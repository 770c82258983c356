import { randomUUID } from 'node:crypto';
import { systemClock } from '../shared/time/clock.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { createStore } from '../store/create-store.js';
import type { AppConfig } from './config.js';

/** Opens the configured database (PGlite in `dataDir`, or `DATABASE_URL`), migrated, with the system clock. */
export async function openUseCaseContext(config: AppConfig): Promise<UseCaseContext> {
  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  return { store, clock: systemClock, newId: randomUUID };
}
