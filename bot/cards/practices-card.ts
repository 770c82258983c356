import { practiceStatus } from '../../shared/practices/good-practice.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { PracticeWithInterest } from '../../shared/use-cases/practice-catalogue.js';
import { t } from '../i18n/bot-text.js';
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

export function practicesCard(data: {
  locale: Locale;
  words: string;
  results: readonly PracticeWithInterest[];
  mayMarkInterest: boolean;
  notice?: string;
}): AdaptiveCard {
  const { locale } = data;
  const body: CardElement[] = [heading(data.words ? t('practices.titleFor', locale, { words: neutraliseMarkdown(data.words) }) : t('practices.title', locale))];
  if (data.notice) body.push(note(data.notice, 'Good'));
  if (!data.results.length) body.push(note(t('practices.none', locale)));
  for (const { practice, interestCount } of data.results.slice(0, PRACTICES_CARD_LIMIT)) {
    const items: CardElement[] = [
      textBlock(`**${practice.number}.** ${neutraliseMarkdown(practice.title)}`),
      userText(practice.summary, { isSubtle: true }),
      note(
        [
          t(practiceStatus(practice) === 'planned' ? 'practices.planned' : 'practices.operating', locale),
          practice.origin === 'external' ? t('practices.external', locale, { publisher: neutraliseMarkdown(practice.publisher ?? '') }) : undefined,
          practice.tags.length ? neutraliseMarkdown(practice.tags.map((tag) => `#${tag}`).join(' ')) : undefined,
          t('practices.interestCount', locale, { count: interestCount }),
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    ];
    if (data.mayMarkInterest)
      items.push(actionSet([executeAction(t('practices.interest', locale), PRACTICE_INTEREST_VERB, { practiceId: practice.id, words: data.words })]));
    body.push(container(items, { separator: true }));
  }
  if (data.results.length > PRACTICES_CARD_LIMIT) body.push(note(t('practices.more', locale, { count: data.results.length - PRACTICES_CARD_LIMIT })));
  return adaptiveCard(body);
}
