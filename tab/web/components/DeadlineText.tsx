import { formatIsoJst } from '../../../shared/time/jst.js';
import { formatDeadline, lastDayBefore } from '../../../shared/time/deadline.js';
import { useI18n } from '../i18n/locale-context.js';

/**
 * A closing instant as 「令和6年5月17日（金）まで」 ("until Fri 17 May 2024"), the same words the bot's
 * cards use (`formatDeadline`); the last day (or, for a close during the day, the instant) in ISO
 * form shows on hover and is the `dateTime` of `<time>`.
 */
export function DeadlineText({ closesAt }: { closesAt: string }) {
  const { locale } = useI18n();
  const instant = new Date(closesAt);
  const iso = formatIsoJst(instant).endsWith('T00:00:00+09:00') ? lastDayBefore(instant) : formatIsoJst(instant);
  return (
    <time dateTime={iso} title={iso} data-testid="deadline">
      {formatDeadline(instant, locale)}
    </time>
  );
}
