import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { DEMO_IDS } from '../../server/demo-data.js';
import type { Repositories, Store } from '../../shared/ports/store.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { openPgliteStore } from '../support/test-store.js';

/**
 * A first start killed after any step of the bootstrap leaves the database as that step left it
 * (each step commits whole or not at all); the next start must finish the job. The process "dies"
 * after its k-th committed write: every call after that throws, as if the process were gone.
 */

class Killed extends Error {}

const READS = /^(get|list|find|count|next|interest)/;

/** The store as a process that dies once `units` writes (a transaction counts as one) have committed. */
function dyingAfter(store: Store, units: number): { store: Store; committed: () => number } {
  let committed = 0;
  const alive = () => {
    if (committed >= units) throw new Killed(`killed after ${units} committed writes`);
  };
  const repositories = new Proxy(store.repositories, {
    get(target, name: keyof Repositories) {
      const repository = target[name] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      return new Proxy(repository, {
        get(inner, method: string) {
          const fn = inner[method];
          if (typeof fn !== 'function') return fn;
          return async (...args: unknown[]) => {
            alive();
            const result = await fn.apply(inner, args);
            if (!READS.test(method)) committed += 1;
            return result;
          };
        },
      });
    },
  });
  return {
    committed: () => committed,
    store: {
      ...store,
      repositories,
      async transaction(work) {
        alive();
        const result = await store.transaction(work);
        committed += 1;
        return result;
      },
    },
  };
}

async function snapshot(repos: Repositories) {
  return {
    bodies: (await repos.bodies.list()).length,
    projectTeams: (await repos.projectTeams.list()).length,
    practices: (await repos.practices.list()).length,
    milestones: (await repos.milestones.list()).length,
    staff: (await repos.staff.list()).map((staff) => staff.upn).sort(),
    calls: (await repos.calls.list()).map((call) => call.id).sort(),
    demoMeetings: [(await repos.meetings.get(DEMO_IDS.hqMeeting))?.status, (await repos.meetings.get(DEMO_IDS.councilMeeting))?.status],
    demoRecruitment: (await repos.recruitment.getProject(DEMO_IDS.recruitment))?.status,
  };
}

const config = loadConfig({});
const logger = createLogger('silent');
const clock = () => new ManualClock(new Date('2026-12-02T00:00:00Z'));
const context = (store: Store): UseCaseContext => ({ store, clock: clock(), newId: randomUUID, identity: { relink: 'allow' } });

describe('first-start bootstrap, killed after each step', { timeout: 240_000 }, () => {
  it('is finished by the next start, whichever step it was killed after', async () => {
    const clean = await openPgliteStore();
    const whole = dyingAfter(clean, Number.POSITIVE_INFINITY);
    await bootstrap(context(whole.store), config, logger);
    const expected = await snapshot(clean.repositories);
    await clean.close();
    const steps = whole.committed();
    expect(expected.staff.length).toBeGreaterThan(40);
    expect(steps).toBeGreaterThanOrEqual(3);

    for (let units = 0; units < steps; units += 1) {
      const store = await openPgliteStore();
      try {
        const dying = dyingAfter(store, units);
        await expect(bootstrap(context(dying.store), config, logger)).rejects.toBeInstanceOf(Killed);
        expect(dying.committed(), `killed after ${units}`).toBe(units);
        // The restart, on what the killed process left.
        await bootstrap(context(store), config, logger);
        expect(await snapshot(store.repositories), `killed after ${units} of ${steps} steps`).toEqual(expected);
        // And a further restart changes nothing.
        const again = dyingAfter(store, Number.POSITIVE_INFINITY);
        await bootstrap(context(again.store), config, logger);
        expect(again.committed(), 'a complete database is left alone').toBe(0);
      } finally {
        await store.close();
      }
    }
  });
});
