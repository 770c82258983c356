import { afterAll, beforeAll } from 'vitest';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import type { TabNotificationTools } from '../../../tab/api/index.js';
import { callApi, type CallResult } from './http-caller.js';
import { tokensForAllStaff } from './staff-tokens.js';
import { startTabWorld, type TabWorld } from './tab-world.js';

/**
 * A describe block's tab API in local mode: the seeded world started before its tests (plus any
 * `seed` of its own, whose extra people are named in `extraStaffIds`) and closed after them, and
 * `call(as, …)` answering as any seeded person.
 */
export function useTabApi(
  seed?: (ctx: UseCaseContext) => Promise<void>,
  extraStaffIds: readonly string[] = [],
  notifications?: (ctx: UseCaseContext) => TabNotificationTools,
) {
  let world: TabWorld | undefined;
  let tokens = new Map<string, string>();
  beforeAll(async () => {
    world = await startTabWorld({ auth: { mode: 'local' }, ...(notifications ? { notifications } : {}) });
    await seed?.(world.ctx);
    tokens = await tokensForAllStaff(world.baseUrl, extraStaffIds);
  });
  afterAll(() => world?.close());
  const started = (): TabWorld => {
    if (!world) throw new Error('the tab world starts in beforeAll');
    return world;
  };
  return {
    get world(): TabWorld {
      return started();
    },
    call: (as: string | undefined, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<CallResult> =>
      callApi(started().baseUrl, as === undefined ? undefined : tokens.get(as), method, path, body, headers),
  };
}
