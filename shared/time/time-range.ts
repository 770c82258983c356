import type { Locale } from '../i18n/locale.js';
import { jstDateOf, jstDateTimeParts } from './jst.js';
import { formatEnglishDate, formatWarekiDate } from './reiwa.js';

const clockTime = (instant: Date, padHour: boolean) => {
  const { hour, minute } = jstDateTimeParts(instant);
  return `${padHour ? String(hour).padStart(2, '0') : hour}:${String(minute).padStart(2, '0')}`;
};

/**
 * When something runs, in Japan time and the reader's language:
 * `令和8年12月9日（水）15:00〜16:30` or `Wed 9 Dec 2026, 15:00–16:30 JST`. When it ends on another
 * day in Japan, both dates are written: `令和8年12月9日（水）23:00〜令和8年12月10日（木）1:00`.
 */
export function formatTimeRange(startsAt: Date, endsAt: Date, locale: Locale): string {
  const sameDay = jstDateOf(startsAt) === jstDateOf(endsAt);
  if (locale === 'ja') {
    const start = `${formatWarekiDate(startsAt)}${clockTime(startsAt, false)}`;
    return sameDay ? `${start}〜${clockTime(endsAt, false)}` : `${start}〜${formatWarekiDate(endsAt)}${clockTime(endsAt, false)}`;
  }
  const start = `${formatEnglishDate(startsAt)}, ${clockTime(startsAt, true)}`;
  return sameDay ? `${start}–${clockTime(endsAt, true)} JST` : `${start} – ${formatEnglishDate(endsAt)}, ${clockTime(endsAt, true)} JST`;
}
