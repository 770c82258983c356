import type { Locale } from '../i18n/locale.js';
import { jstDateOf, jstDateTimeParts, weekdayOf, type IsoDate } from './jst.js';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The Japanese calendar's era and year of a date, from the platform's ICU data: every era, with
 * no table here to keep up when the next one begins. The date is read as a calendar day (UTC
 * midnight, formatted in UTC), so the reader's own time zone cannot move it.
 */
const JAPANESE_ERA = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });

/** Eras by calendar day: formatToParts is slow, and a card shows the same few days again and again. */
const ERA_OF_DAY = new Map<IsoDate, { name: string; year: string }>();
const ERA_OF_DAY_MAX = 2_000;

function eraOf(date: IsoDate): { name: string; year: string } {
  const known = ERA_OF_DAY.get(date);
  if (known) return known;
  const era = eraFromIcu(date);
  if (ERA_OF_DAY.size >= ERA_OF_DAY_MAX) ERA_OF_DAY.clear();
  ERA_OF_DAY.set(date, era);
  return era;
}

function eraFromIcu(date: IsoDate): { name: string; year: string } {
  const parts = JAPANESE_ERA.formatToParts(new Date(`${date}T00:00:00Z`));
  const name = parts.find((part) => part.type === 'era')?.value ?? '';
  const year = parts.find((part) => part.type === 'year')?.value ?? '';
  // Older ICU data prints the first year as 1; the app writes it 元, as official documents do.
  return { name, year: year === '1' ? '元' : year };
}

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
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  const era = eraOf(date);
  const weekday = options.weekday === false ? '' : `（${WEEKDAYS_JA[weekdayOf(date)]}）`;
  return `${era.name}${era.year}年${month}月${day}日${weekday}`;
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
