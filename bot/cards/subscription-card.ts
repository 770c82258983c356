import type { Locale } from '../../shared/i18n/locale.js';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, type NotificationKind } from '../../shared/notifications/notification-kind.js';
import { t } from '../i18n/bot-text.js';
import { adaptiveCard, choiceInput, executeAction, heading, note, toggleInput, type AdaptiveCard } from './card-kit.js';

export const SAVE_SUBSCRIPTION_VERB = 'subscription.save';

export function subscriptionCard(data: {
  locale: Locale;
  kinds: readonly NotificationKind[];
  bodyId?: string | undefined;
  bodies: readonly { id: string; name: string }[];
  notice?: string | undefined;
}): AdaptiveCard {
  const { locale } = data;
  return adaptiveCard(
    [
      heading(t('subscribe.title', locale)),
      note(t('subscribe.intro', locale)),
      ...(data.notice ? [note(data.notice, 'Good')] : []),
      ...NOTIFICATION_KINDS.map((kind) =>
        toggleInput({
          id: `kind_${kind}`,
          label: NOTIFICATION_KIND_LABELS[kind][locale],
          title: t('subscribe.receive', locale),
          value: data.kinds.includes(kind),
          errorMessage: NOTIFICATION_KIND_LABELS[kind][locale],
        }),
      ),
      choiceInput({
        id: 'bodyId',
        label: t('subscribe.body', locale),
        errorMessage: t('subscribe.body', locale),
        choices: [{ title: t('subscribe.allBodies', locale), value: 'all' }, ...data.bodies.map((body) => ({ title: body.name, value: body.id }))],
        value: data.bodyId ?? 'all',
      }),
    ],
    { actions: [executeAction(t('subscribe.save', locale), SAVE_SUBSCRIPTION_VERB, {}, 'positive')] },
  );
}
