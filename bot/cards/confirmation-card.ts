import type { Locale } from '../../shared/i18n/locale.js';
import { adaptiveCard, heading, note, type AdaptiveCard } from './card-kit.js';

/** A short confirmation that replaces a form once its action has been done. */
export function confirmationCard(locale: Locale, title: string, lines: readonly string[] = []): AdaptiveCard {
  return adaptiveCard([heading(title), ...lines.map((line) => note(line))]);
}
