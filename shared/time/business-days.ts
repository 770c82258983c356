import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, weekdayOf, type IsoDate } from './jst.js';

/**
 * Japanese public holidays from `@holiday-jp/holiday_jp`'s offline table, read by its
 * `YYYY-MM-DD` keys: its Date-based helpers depend on the process's time zone, so they are not used.
 */
const HOLIDAYS: Readonly<Record<string, { name: string; name_en: string }>> = holidayJp.holidays;

export interface BusinessDayOptions {
  /**
   * City offices close from 29 December to 3 January (年末年始). These are not public holidays but
   * nobody is at work, so by default they are not business days either.
   */
  readonly includeYearEndClosure?: boolean;
}

export function isHoliday(date: IsoDate): boolean {
  return date in HOLIDAYS;
}

export function holidayName(date: IsoDate, locale: 'ja' | 'en' = 'ja'): string | undefined {
  const holiday = HOLIDAYS[date];
  return holiday ? (locale === 'ja' ? holiday.name : holiday.name_en) : undefined;
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

function isYearEndClosure(date: IsoDate): boolean {
  const monthDay = date.slice(5);
  return monthDay >= '12-29' || monthDay <= '01-03';
}

export function isBusinessDay(date: IsoDate, options: BusinessDayOptions = {}): boolean {
  if (isWeekend(date) || isHoliday(date)) return false;
  return !((options.includeYearEndClosure ?? true) && isYearEndClosure(date));
}

/** The date itself when it is a business day, else the business day before it. */
export function onOrBeforeBusinessDay(date: IsoDate, options: BusinessDayOptions = {}): IsoDate {
  let day = date;
  while (!isBusinessDay(day, options)) day = addDays(day, -1);
  return day;
}

/** The latest business day strictly before the date (e.g. the day before a meeting). */
export function businessDayBefore(date: IsoDate, options: BusinessDayOptions = {}): IsoDate {
  return onOrBeforeBusinessDay(addDays(date, -1), options);
}

/** The first business day strictly after the date. */
export function nextBusinessDay(date: IsoDate, options: BusinessDayOptions = {}): IsoDate {
  let day = addDays(date, 1);
  while (!isBusinessDay(day, options)) day = addDays(day, 1);
  return day;
}

/** The date itself when it is a business day, else the next business day. */
export function onOrAfterBusinessDay(date: IsoDate, options: BusinessDayOptions = {}): IsoDate {
  return isBusinessDay(date, options) ? date : nextBusinessDay(date, options);
}
