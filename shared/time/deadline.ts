import { addDays, daysBetween, instantAtJst, jstDateOf, type IsoDate } from './jst.js';

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
