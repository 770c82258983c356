import { DomainError } from '../domain-error.js';

/**
 * A calendar date `YYYY-MM-DD` in Japan. Asia/Tokyo is UTC+9 all year (no daylight saving), so
 * every conversion here is arithmetic and the results never depend on the process's `TZ`.
 */
export type IsoDate = string;

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface JstParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

/** The wall-clock fields of an instant in Japan. */
export function jstDateTimeParts(instant: Date): JstParts {
  const shifted = new Date(instant.getTime() + JST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The date in Japan at an instant. */
export function jstDateOf(instant: Date): IsoDate {
  const { year, month, day } = jstDateTimeParts(instant);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Parses `YYYY-MM-DD`, refusing impossible dates such as 2024-02-30. */
export function parseIsoDate(text: string): IsoDate {
  const match = ISO_DATE.exec(text.trim());
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) return match[0];
  }
  throw new DomainError('time.invalidDate', { value: text });
}

function dateParts(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new DomainError('time.invalidDate', { value: date });
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The instant at a wall-clock time in Japan on a date. */
export function instantAtJst(date: IsoDate, hour = 0, minute = 0): Date {
  const [year, month, day] = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - JST_OFFSET_MS);
}

/** The date `days` later (or earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same month and day `years` later; 29 February becomes 28 February in a common year. */
export function addYearsToDate(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = dateParts(date);
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${pad(target, 4)}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  const [year, month, day] = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = dateParts(from);
  const [y2, m2, d2] = dateParts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** `2024-06-14T09:00:00+09:00`: ISO 8601 with the Japan offset, for display beside 令和 dates. */
export function formatIsoJst(instant: Date): string {
  const p = jstDateTimeParts(instant);
  return `${jstDateOf(instant)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+09:00`;
}
