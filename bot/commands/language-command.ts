import { DomainError } from '../../shared/domain-error.js';
import { errorMessage } from '../../shared/i18n/error-messages.js';
import { LOCALE_NAMES } from '../../shared/i18n/labels.js';
import { parseLanguage, setPreferredLocale } from '../../shared/use-cases/person-preferences.js';
import { neutraliseMarkdown } from '../cards/card-kit.js';
import { t } from '../i18n/bot-text.js';
import { directoryRefusal, textReply, type CommandHandler } from './command-turn.js';

/**
 * `言語 英語` / `language ja`: stores the person's language, which then wins over the Teams
 * client's locale here, in the tab and in notifications. Without an argument it says which
 * language is in use and how to change it.
 */
export const languageCommand: CommandHandler = async (turn, argument) => {
  if (!argument) return textReply(t('language.current', turn.locale, { language: LOCALE_NAMES[turn.locale][turn.locale] }));
  const locale = parseLanguage(argument);
  // Teams reads a text message as Markdown: what was typed is shown as typed.
  if (!locale) return textReply(t('language.unknown', turn.locale, { text: neutraliseMarkdown(argument.slice(0, 40)) }));
  if (!turn.staff) return directoryRefusal(turn);
  try {
    await setPreferredLocale(turn.ctx, turn.staff, locale);
  } catch (error) {
    if (error instanceof DomainError) return textReply(errorMessage(error, turn.locale));
    throw error;
  }
  return textReply(t('language.saved', locale, { language: LOCALE_NAMES[locale][locale] }));
};
