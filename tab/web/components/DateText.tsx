import { formatIsoJst } from '../../../shared/time/jst.js';
import { formatDate, formatDateTime } from '../../../shared/time/reiwa.js';
import { formatTimeRange } from '../../../shared/time/time-range.js';
import { useI18n } from '../i18n/locale-context.js';

/**
 * An instant (or a `YYYY-MM-DD` date) as 令和 with weekday in Japanese, or `Fri 14 Jun 2024` in
 * English, always in Japan time; the ISO form shows on hover and is the `dateTime` of `<time>`.
 */
export function DateText({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const { locale } = useI18n();
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = isDateOnly ? undefined : new Date(value);
  const iso = instant ? formatIsoJst(instant) : value;
  const text = instant ? (withTime ? formatDateTime(instant, locale) : formatDate(instant, locale)) : formatDate(value, locale);
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}

/** A meeting's start and end in Japan time (`令和8年12月9日（水）15:00〜16:30`); ISO on hover. */
export function TimeRangeText({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const { locale } = useI18n();
  const [start, end] = [new Date(startsAt), new Date(endsAt)];
  return (
    <time dateTime={formatIsoJst(start)} title={`${formatIsoJst(start)} / ${formatIsoJst(end)}`}>
      {formatTimeRange(start, end, locale)}
    </time>
  );
}
