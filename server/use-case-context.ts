import { randomUUID } from 'node:crypto';
import { systemClock } from '../shared/time/clock.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { createStore } from '../store/create-store.js';
import { withReadCache, type ReadCacheTtls } from '../store/read-cache.js';
import type { AppConfig } from './config.js';

/**
 * How long a change made on another instance may take to show here: a programme or directory
 * import 30 s, a newly convened meeting in the `会議` list 5 s. Changes made here show at once.
 */
export const READ_CACHE_TTLS: ReadCacheTtls = { referenceMs: 30_000, upcomingMeetingsMs: 5_000 };

/** Opens the configured database (PGlite in `dataDir`, or `DATABASE_URL`), migrated, with the system clock. */
export async function openUseCaseContext(config: AppConfig): Promise<UseCaseContext> {
  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteTemplateDir: config.pgliteTemplateDir });
  return {
    store: withReadCache(store, READ_CACHE_TTLS),
    clock: systemClock,
    newId: randomUUID,
    identity: { relink: config.localMode ? 'allow' : 'refuse' },
    teamsAppId: config.teamsAppId,
  };
}
