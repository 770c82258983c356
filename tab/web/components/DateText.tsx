import { formatIsoJst } from '../../../shared/time/jst.js';
import { formatDate, formatDateTime } from '../../../shared/time/reiwa.js';
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
