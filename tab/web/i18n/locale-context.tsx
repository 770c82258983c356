import { createContext, useContext } from 'react';
import type { Locale } from '../../../shared/i18n/locale.js';
import { translate, type MessageKey } from './messages.js';

export const LocaleContext = createContext<Locale>('ja');

/** The current locale and a translator bound to it. */
export function useI18n(): { locale: Locale; t: (key: MessageKey, params?: Record<string, string | number>) => string } {
  const locale = useContext(LocaleContext);
  return { locale, t: (key, params) => translate(locale, key, params) };
}
