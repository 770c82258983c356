import { joinDetails, practiceKindText } from '../../shared/i18n/glossary.js';
import { practiceStatus } from '../../shared/practices/good-practice.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { PracticeWithInterest } from '../../shared/use-cases/practice-catalogue.js';
import { t } from '../i18n/bot-text.js';
import { openInAppActions } from './app-link.js';
import {
  actionSet,
  adaptiveCard,
  container,
  executeAction,
  heading,
  neutraliseMarkdown,
  note,
  userText,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './card-kit.js';

export const PRACTICE_INTEREST_VERB = 'practice.interest';
/** Enough to read in chat; more is a sign the words should be narrowed. */
export const PRACTICES_CARD_LIMIT = 8;

/** Summary (the description), then kind, status, tags and the interest count of one practice. */
function practiceLines(entry: PracticeWithInterest, locale: Locale): CardElement[] {
  const { practice, interestCount } = entry;
  return [
    userText(practice.summary, { isSubtle: true }),
    note(
      joinDetails([
        practiceKindText({ origin: practice.origin, by: practice.origin === 'external' ? neutraliseMarkdown(practice.publisher ?? '') : undefined }, locale),
        t(practiceStatus(practice) === 'planned' ? 'practices.planned' : 'practices.operating', locale),
        practice.tags.length > 0 && neutraliseMarkdown(practice.tags.map((tag) => `#${tag}`).join(' ')),
        t('practices.interestCount', locale, { count: interestCount }),
      ]),
    ),
  ];
}

export function practicesCard(data: {
  locale: Locale;
  words: string;
  results: readonly PracticeWithInterest[];
  mayMarkInterest: boolean;
  notice?: string;
  teamsAppId?: string | undefined;
}): AdaptiveCard {
  const { locale } = data;
  const body: CardElement[] = [heading(data.words ? t('practices.titleFor', locale, { words: neutraliseMarkdown(data.words) }) : t('practices.title', locale))];
  if (data.notice) body.push(note(data.notice, 'Good'));
  if (!data.results.length) body.push(note(t('practices.none', locale)));
  for (const entry of data.results.slice(0, PRACTICES_CARD_LIMIT)) {
    const { practice } = entry;
    const items: CardElement[] = [textBlock(`**${practice.number}.** ${neutraliseMarkdown(practice.title)}`), ...practiceLines(entry, locale)];
    const buttons = [
      ...(data.mayMarkInterest ? [executeAction(t('practices.interest', locale), PRACTICE_INTEREST_VERB, { practiceId: practice.id, words: data.words })] : []),
      ...openInAppActions(locale, data.teamsAppId, { page: 'practices', id: practice.id }),
    ];
    if (buttons.length) items.push(actionSet(buttons));
    body.push(container(items, { separator: true }));
  }
  if (data.results.length > PRACTICES_CARD_LIMIT) body.push(note(t('practices.more', locale, { count: data.results.length - PRACTICES_CARD_LIMIT })));
  return adaptiveCard(body);
}

/**
 * One practice, as it is shared into a conversation: no interest button (its answer is the search
 * list, which would replace the shared card for whoever pressed it); the tab has it instead.
 */
export function practiceCard(data: { locale: Locale; entry: PracticeWithInterest; teamsAppId?: string | undefined }): AdaptiveCard {
  const { locale, entry } = data;
  return adaptiveCard(
    [note(t('practices.title', locale)), heading(`${entry.practice.number}. ${neutraliseMarkdown(entry.practice.title)}`), ...practiceLines(entry, locale)],
    { actions: openInAppActions(locale, data.teamsAppId, { page: 'practices', id: entry.practice.id }) },
  );
}
