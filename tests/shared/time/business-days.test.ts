import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessDayBefore, holidayName, isBusinessDay, nextBusinessDay, onOrBeforeBusinessDay } from '../../../shared/time/index.js';

describe('business days', () => {
  it('knows 2024-05-06 is the substitute holiday for Children’s Day', () => {
    expect(holidayName('2024-05-06')).toBe('こどもの日 振替休日');
    expect(isBusinessDay('2024-05-06')).toBe(false);
  });

  it('moves a reminder on 2024-05-06 back over the Golden Week run to Thursday 2 May', () => {
    expect(onOrBeforeBusinessDay('2024-05-06')).toBe('2024-05-02');
  });

  it('keeps a business day as it is: the department deadline, Friday 14 June 2024', () => {
    expect(onOrBeforeBusinessDay('2024-06-14')).toBe('2024-06-14');
  });

  it('gives Friday as the business day before a Tuesday after a Monday holiday (Marine Day 2024-07-15)', () => {
    expect(businessDayBefore('2024-07-16')).toBe('2024-07-12');
  });

  it('treats the city’s year-end closure as closed unless asked otherwise', () => {
    expect(isBusinessDay('2024-12-27')).toBe(true);
    expect(isBusinessDay('2024-12-30')).toBe(false);
    expect(isBusinessDay('2024-12-30', { includeYearEndClosure: false })).toBe(true);
    expect(nextBusinessDay('2024-12-27')).toBe('2025-01-06');
  });

  it('gives the same answers under TZ=UTC and TZ=America/New_York as in this process', () => {
    const probe = path.resolve('tests/shared/time/time-probe.ts');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const run = (tz: string): unknown => JSON.parse(execFileSync(tsx, [probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }));
    const utc = run('UTC');
    expect(run('America/New_York')).toEqual(utc);
    expect(run('Asia/Tokyo')).toEqual(utc);
    expect(utc).toEqual({
      onOrBefore: ['2024-05-02', '2024-05-02', '2024-06-14', '2024-12-27', '2024-09-20'],
      dayBefore: ['2024-05-02', '2024-07-12', '2024-05-17'],
      deadline: '2024-05-17T15:00:00.000Z',
      jstDate: '2024-05-18',
      wareki: '令和6年6月14日（金）9:00',
      fiscal: 2024,
      deadlineText: ['令和8年12月12日（土）まで', 'until Sat 12 Dec 2026', '令和8年12月12日（土）17:00まで', 'until Sat 12 Dec 2026, 17:00 JST'],
      // 7 days before (30 Apr); 3 and 1 days before fall on 4 May and the 6 May substitute holiday,
      // both moved to Thu 2 May and sent once; the day itself; the closed notice the next morning.
      deadlineReminders: ['2024-04-30T00:00:00.000Z', '2024-05-02T00:00:00.000Z', '2024-05-07T00:00:00.000Z', '2024-05-08T00:00:00.000Z'],
      // A meeting on Tue 16 July: Monday is 海の日, so the reminder goes out on Friday 12 July.
      meetingReminder: '2024-07-12T00:00:00.000Z',
    });
  });
});
