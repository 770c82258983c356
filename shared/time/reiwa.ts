import type { Locale } from '../i18n/locale.js';
import { jstDateOf, jstDateTimeParts, weekdayOf, type IsoDate } from './jst.js';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Reiwa began on 2019-05-01; dates before it are Heisei. */
const REIWA_START: IsoDate = '2019-05-01';

function toDate(value: Date | IsoDate): IsoDate {
  return typeof value === 'string' ? value : jstDateOf(value);
}

/** The 令和 year of a Gregorian year (2024 → 6), as used in receipt numbers (`R6-…`). */
export function reiwaYear(year: number): number {
  return year - 2018;
}

/** `令和6年6月14日（金）`; the first year is written 元年. */
export function formatWarekiDate(value: Date | IsoDate, options: { weekday?: boolean } = {}): string {
  const date = toDate(value);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const era = date >= REIWA_START ? { name: '令和', year: year - 2018 } : { name: '平成', year: year - 1988 };
  const eraYear = era.year === 1 ? '元' : String(era.year);
  const weekday = options.weekday === false ? '' : `（${WEEKDAYS_JA[weekdayOf(date)]}）`;
  return `${era.name}${eraYear}年${month}月${day}日${weekday}`;
}

/** `令和6年6月14日（金）9:00` in Japan time. */
export function formatWarekiDateTime(instant: Date): string {
  const { hour, minute } = jstDateTimeParts(instant);
  return `${formatWarekiDate(instant)}${hour}:${String(minute).padStart(2, '0')}`;
}

/** `Fri 14 Jun 2024`. */
export function formatEnglishDate(value: Date | IsoDate): string {
  const date = toDate(value);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS_EN[weekdayOf(date)]} ${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** `Fri 14 Jun 2024, 09:00 JST`. */
export function formatEnglishDateTime(instant: Date): string {
  const { hour, minute } = jstDateTimeParts(instant);
  return `${formatEnglishDate(instant)}, ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} JST`;
}

/** A date in the reader's language: 令和 for Japanese, `Fri 14 Jun 2024` for English. */
export function formatDate(value: Date | IsoDate, locale: Locale): string {
  return locale === 'ja' ? formatWarekiDate(value) : formatEnglishDate(value);
}

/** A date and time in the reader's language, always in Japan time. */
export function formatDateTime(instant: Date, locale: Locale): string {
  return locale === 'ja' ? formatWarekiDateTime(instant) : formatEnglishDateTime(instant);
}
