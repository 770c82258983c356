import type { Locale } from '../i18n/locale.js';
import { addDays, daysBetween, instantAtJst, jstDateOf, jstDateTimeParts, type IsoDate } from './jst.js';
import { formatDate } from './reiwa.js';

/**
 * A deadline written "until 6月14日" means the whole of that day in Japan, so the call closes at
 * the start of the next day: 2024-06-14 → 2024-06-15T00:00+09:00 (exclusive).
 */
export function deadlineFromDate(date: IsoDate): Date {
  return instantAtJst(addDays(date, 1));
}

/** The last day a deadline instant still accepts (the inverse of {@link deadlineFromDate}). */
export function lastDayBefore(closesAt: Date): IsoDate {
  return jstDateOf(new Date(closesAt.getTime() - 1));
}

export function isBeforeDeadline(now: Date, closesAt: Date): boolean {
  return now.getTime() < closesAt.getTime();
}

/**
 * Calendar days left, counted in Japan: 0 on the deadline day ("closes today"), 1 the day
 * before, negative once it has passed.
 */
export function daysUntil(now: Date, closesAt: Date): number {
  return daysBetween(jstDateOf(now), lastDayBefore(closesAt));
}

/**
 * A deadline as people read it: the last day it still accepts, in Japan, with "until".
 * `closesAt` is exclusive, so a call closing at midnight reads as the day before it
 * (2024-05-18T00:00+09:00 → 「令和6年5月17日（金）まで」, "until Fri 17 May 2024"); any other instant
 * adds the time (「令和6年5月17日（金）17:00まで」, "until Fri 17 May 2024, 17:00 JST").
 * Every face (cards, tab, notifications) writes a deadline with this function.
 */
export function formatDeadline(closesAt: Date, locale: Locale): string {
  const { hour, minute, second } = jstDateTimeParts(closesAt);
  const atMidnight = hour === 0 && minute === 0 && second === 0 && closesAt.getUTCMilliseconds() === 0;
  const date = formatDate(atMidnight ? lastDayBefore(closesAt) : jstDateOf(closesAt), locale);
  const minutes = String(minute).padStart(2, '0');
  if (locale === 'ja') return atMidnight ? `${date}まで` : `${date}${hour}:${minutes}まで`;
  return atMidnight ? `until ${date}` : `until ${date}, ${String(hour).padStart(2, '0')}:${minutes} JST`;
}
