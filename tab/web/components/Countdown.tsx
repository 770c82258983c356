import { Badge } from '@fluentui/react-components';
import { useI18n } from '../i18n/locale-context.js';

/** Days left to a deadline, counted in Japan: "closes today" on the day itself. */
export function Countdown({ daysLeft, open }: { daysLeft: number; open: boolean }) {
  const { t } = useI18n();
  if (!open || daysLeft < 0)
    return (
      <Badge appearance="outline" color="subtle">
        {t('closed')}
      </Badge>
    );
  if (daysLeft === 0)
    return (
      <Badge appearance="filled" color="danger">
        {t('closesToday')}
      </Badge>
    );
  return (
    <Badge appearance="tint" color={daysLeft <= 3 ? 'warning' : 'brand'}>
      {t('daysLeft', { days: daysLeft })}
    </Badge>
  );
}
