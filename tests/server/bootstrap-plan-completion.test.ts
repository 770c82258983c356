import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { importProgramme } from '../../shared/use-cases/programme-import.js';
import { openPgliteStore } from '../support/test-store.js';

const FY2024 = toDomain(parseProgrammeFile(fs.readFileSync(path.resolve(import.meta.dirname, '../../shared/programme/fy2024.yaml'), 'utf8')));

/** What a database imported before issue 12 holds: no plan, no events, bodies without 所掌事項, PTs without leads. */
const OLDER = {
  ...FY2024,
  plans: [],
  bodies: FY2024.bodies
    .filter((body) => body.kind !== 'event')
    .map(({ remit: _remit, purpose: _purpose, effectiveFrom: _from, remitSource: _source, guideline: _guideline, ...body }) => body),
  projectTeams: FY2024.projectTeams.map(({ topicLeads: _leads, ...team }) => team),
};

describe('bootstrap on a database imported before the plan record existed', { timeout: 120_000 }, () => {
  it('要綱 第２条・附則, 5-13, 各課ヒアリング: the next start adds the plan, 所掌事項, topic leads and the events, once', async () => {
    const store = await openPgliteStore();
    try {
      const ctx: UseCaseContext = { store, clock: new ManualClock(new Date('2026-12-02T00:00:00Z')), newId: randomUUID, identity: { relink: 'allow' } };
      await importProgramme(ctx, OLDER);
      await store.repositories.bodies.upsert({ ...(await store.repositories.bodies.get('council'))!, nameEn: 'Council (renamed by an administrator)' });
      const config = loadConfig({});
      await bootstrap(ctx, config, createLogger('silent'));
      const repos = store.repositories;
      expect((await repos.plans.list()).map((plan) => plan.id)).toEqual(['plan-fy2024']);
      expect((await repos.bodies.get('hq'))?.remit).toHaveLength(3);
      expect(await repos.bodies.get('council')).toMatchObject({ nameEn: 'Council (renamed by an administrator)', effectiveFrom: '2024-04-01' });
      expect((await repos.projectTeams.get('pt-5-13'))?.topicLeads).toEqual([{ topics: [1, 6], unitId: 'saigai-taisaku-ka' }]);
      expect(
        (await repos.bodies.list())
          .filter((body) => body.kind === 'event')
          .map((body) => body.id)
          .sort(),
      ).toEqual(['exchange-meeting', 'hearings']);
      const audited = (await repos.audit.listFor('body', 'hq')).map((entry) => entry.action);
      await bootstrap(ctx, config, createLogger('silent'));
      expect((await repos.audit.listFor('body', 'hq')).map((entry) => entry.action)).toEqual(audited);
      expect(audited.at(-1)).toBe('import.completed');
    } finally {
      await store.close();
    }
  });
});
