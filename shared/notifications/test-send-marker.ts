import type { Locale } from '../i18n/locale.js';
import type { OutgoingMessage } from '../ports/notification-ports.js';

const MARKER: Readonly<Record<Locale, { readonly heading: string; readonly text: string }>> = {
  ja: { heading: '【テスト送信】', text: 'これは管理画面からのテスト送信です。本番の通知は予定どおり送信されます。' },
  en: { heading: '[Test]', text: 'This is a test sent from the admin tab. The real notification still goes out as planned.' },
};

/**
 * The message with a visible test marker first, so nobody in the conversation takes a test for the
 * real notification (which is still sent on time): a highlighted block at the top of the card, and
 * the marker before any text fallback.
 */
export function markedAsTest(message: OutgoingMessage, locale: Locale): OutgoingMessage {
  const marker = MARKER[locale];
  const card = message.card
    ? {
        ...message.card,
        body: [
          { type: 'TextBlock', text: `${marker.heading} ${marker.text}`, wrap: true, weight: 'Bolder', color: 'Attention' },
          ...(Array.isArray(message.card.body) ? (message.card.body as unknown[]) : []),
        ],
      }
    : undefined;
  return { card, text: `${marker.heading} ${message.text ?? marker.text}` };
}
