import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTimeRange } from '../../../shared/time/index.js';

const jst = (local: string) => new Date(`${local}+09:00`);

describe('a meeting’s start and end in Japan time', () => {
  it('writes one date and both times for a meeting within a day: 令和8年12月9日（水）15:00〜16:30', () => {
    expect(formatTimeRange(jst('2026-12-09T15:00:00'), jst('2026-12-09T16:30:00'), 'ja')).toBe('令和8年12月9日（水）15:00〜16:30');
    expect(formatTimeRange(jst('2026-12-09T15:00:00'), jst('2026-12-09T16:30:00'), 'en')).toBe('Wed 9 Dec 2026, 15:00–16:30 JST');
  });

  it('keeps a morning meeting on one Japanese date although it starts the day before in UTC', () => {
    expect(formatTimeRange(jst('2026-12-09T08:00:00'), jst('2026-12-09T10:00:00'), 'ja')).toBe('令和8年12月9日（水）8:00〜10:00');
  });

  it('writes both dates when a meeting runs past midnight in Japan', () => {
    expect(formatTimeRange(jst('2026-12-09T23:00:00'), jst('2026-12-10T01:00:00'), 'ja')).toBe('令和8年12月9日（水）23:00〜令和8年12月10日（木）1:00');
    expect(formatTimeRange(jst('2026-12-09T23:00:00'), jst('2026-12-10T01:00:00'), 'en')).toBe('Wed 9 Dec 2026, 23:00 – Thu 10 Dec 2026, 01:00 JST');
  });

  it('writes the same under TZ=UTC, America/Los_Angeles and Asia/Tokyo', () => {
    const probe = path.resolve('tests/shared/time/time-range-probe.ts');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const run = (tz: string) => JSON.parse(execFileSync(tsx, [probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8' })) as string[];
    const utc = run('UTC');
    expect(run('America/Los_Angeles')).toEqual(utc);
    expect(run('Asia/Tokyo')).toEqual(utc);
    expect(utc).toEqual([
      '令和8年12月9日（水）15:00〜16:30',
      'Wed 9 Dec 2026, 15:00–16:30 JST',
      '令和8年12月9日（水）8:00〜10:00',
      'Wed 9 Dec 2026, 08:00–10:00 JST',
      '令和8年12月9日（水）23:00〜令和8年12月10日（木）1:00',
      'Wed 9 Dec 2026, 23:00 – Thu 10 Dec 2026, 01:00 JST',
    ]);
  });
});
