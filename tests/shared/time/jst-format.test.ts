import { describe, expect, it } from 'vitest';
import {
  addYearsToDate,
  daysUntil,
  deadlineFromDate,
  fiscalYearOf,
  fiscalYearRange,
  formatDate,
  formatDeadline,
  formatEnglishDateTime,
  formatFiscalYear,
  formatIsoJst,
  formatWarekiDate,
  formatWarekiDateTime,
  instantAtJst,
  isBeforeDeadline,
  jstDateOf,
  parseIsoDate,
} from '../../../shared/time/index.js';

const jst = (local: string) => new Date(`${local}+09:00`);

describe('Japan time and 令和 dates', () => {
  it('writes the department deadline as 令和6年6月14日（金）', () => {
    expect(formatWarekiDate('2024-06-14')).toBe('令和6年6月14日（金）');
    expect(formatDate('2024-06-14', 'en')).toBe('Fri 14 Jun 2024');
  });

  it('shows a 09:00 JST reminder as 9:00 whatever the server’s zone', () => {
    const at = instantAtJst('2024-06-14', 9, 0);
    expect(at.toISOString()).toBe('2024-06-14T00:00:00.000Z');
    expect(formatWarekiDateTime(at)).toBe('令和6年6月14日（金）9:00');
    expect(formatEnglishDateTime(at)).toBe('Fri 14 Jun 2024, 09:00 JST');
    expect(formatIsoJst(at)).toBe('2024-06-14T09:00:00+09:00');
  });

  it('writes the first year of Reiwa as 元年 and dates before it as 平成', () => {
    expect(formatWarekiDate('2019-05-01', { weekday: false })).toBe('令和元年5月1日');
    expect(formatWarekiDate('2019-04-30', { weekday: false })).toBe('平成31年4月30日');
  });

  it('writes every era, not only 令和 and 平成: 1988 is 昭和63年 (it printed 平成0年)', () => {
    expect(formatWarekiDate('1988-06-01', { weekday: false })).toBe('昭和63年6月1日');
    expect(formatWarekiDate('1989-01-07', { weekday: false })).toBe('昭和64年1月7日');
    expect(formatWarekiDate('1989-01-08', { weekday: false })).toBe('平成元年1月8日');
    expect(formatWarekiDate('1926-12-25', { weekday: false })).toBe('昭和元年12月25日');
    expect(formatWarekiDate('1912-07-30', { weekday: false })).toBe('大正元年7月30日');
  });

  it('takes the date in Japan, which is already the next day at 15:00 UTC', () => {
    expect(jstDateOf(new Date('2024-05-17T14:59:59Z'))).toBe('2024-05-17');
    expect(jstDateOf(new Date('2024-05-17T15:00:00Z'))).toBe('2024-05-18');
  });

  it('refuses impossible dates', () => {
    expect(() => parseIsoDate('2024-02-30')).toThrow(/time.invalidDate/);
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(addYearsToDate('2024-02-29', 1)).toBe('2025-02-28');
  });
});

describe('deadlines', () => {
  const individual = deadlineFromDate('2024-05-17');

  it('accepts 2024-05-17 23:59:59 JST and refuses 2024-05-18 00:00 JST', () => {
    expect(isBeforeDeadline(jst('2024-05-17T23:59:59'), individual)).toBe(true);
    expect(isBeforeDeadline(jst('2024-05-18T00:00:00'), individual)).toBe(false);
  });

  it('counts down in Japan calendar days: 0 on the day, 1 the day before, negative after', () => {
    expect(daysUntil(jst('2024-05-17T10:00:00'), individual)).toBe(0);
    expect(daysUntil(jst('2024-05-16T23:00:00'), individual)).toBe(1);
    expect(daysUntil(jst('2024-05-10T00:30:00'), individual)).toBe(7);
    expect(daysUntil(jst('2024-05-18T08:00:00'), individual)).toBe(-1);
  });

  it('writes a midnight close as the last day it accepts: 「令和6年5月17日（金）まで」, not the next day at 0:00', () => {
    expect(formatDeadline(individual, 'ja')).toBe('令和6年5月17日（金）まで');
    expect(formatDeadline(individual, 'en')).toBe('until Fri 17 May 2024');
    expect(formatDeadline(jst('2026-12-13T00:00:00'), 'ja')).toBe('令和8年12月12日（土）まで');
  });

  it('adds the time when a deadline closes during the day, still on that day in Japan', () => {
    expect(formatDeadline(jst('2026-12-12T17:00:00'), 'ja')).toBe('令和8年12月12日（土）17:00まで');
    expect(formatDeadline(jst('2026-12-12T17:00:00'), 'en')).toBe('until Sat 12 Dec 2026, 17:00 JST');
    expect(formatDeadline(jst('2026-12-13T00:30:00'), 'ja')).toBe('令和8年12月13日（日）0:30まで');
    expect(formatDeadline(new Date(jst('2026-12-13T00:00:00').getTime() + 1), 'ja')).toBe('令和8年12月13日（日）0:00まで');
  });

  it('writes a deadline as the day a call track closes on, as deadlineFromDate made it', () => {
    expect(formatDeadline(deadlineFromDate('2024-06-14'), 'ja')).toBe(`${formatWarekiDate('2024-06-14')}まで`);
  });
});

describe('fiscal years', () => {
  it('runs April to March: 31 March 2025 is FY2024, 1 April 2025 is FY2025', () => {
    expect(fiscalYearOf(jst('2025-03-31T23:59:59'))).toBe(2024);
    expect(fiscalYearOf(jst('2025-04-01T00:00:00'))).toBe(2025);
    expect(fiscalYearRange(2024).start.toISOString()).toBe('2024-03-31T15:00:00.000Z');
  });

  it('is written 令和6年度 or FY2024', () => {
    expect(formatFiscalYear(2024, 'ja')).toBe('令和6年度');
    expect(formatFiscalYear(2024, 'en')).toBe('FY2024');
  });
});
