import { describe, expect, it } from 'vitest';
import { practiceCard, practicesCard } from '../../../bot/cards/practices-card.js';
import { ptListCard } from '../../../bot/cards/pt-cards.js';
import { GLOSSARY, joinDetails, practiceKindText } from '../../../shared/i18n/glossary.js';
import type { Locale } from '../../../shared/i18n/locale.js';
import type { GoodPractice } from '../../../shared/practices/good-practice.js';
import { translate } from '../../../tab/web/i18n/messages.js';
import { TEAMS } from '../../tab/support/tab-seed.js';

const PRACTICE: GoodPractice = {
  id: 'gp-2024-2',
  number: 2,
  fiscalYear: 2024,
  title: 'Teamsの有効活用による業務効率化',
  origin: 'internal',
  summary: 'チャネルで情報共有',
  tags: ['Teams'],
};

/** Every string a card shows, with its buttons' titles. */
function cardStrings(card: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'text' || key === 'title') && typeof inner === 'string') found.push(inner);
        else walk(inner);
      }
    }
  };
  walk(card);
  return found;
}

describe('one glossary for the bot and the tab', () => {
  for (const locale of ['ja', 'en'] as const satisfies readonly Locale[]) {
    it(`words the practice button the same on the bot's card and the tab's page (${locale})`, () => {
      const card = practicesCard({ locale, words: '', results: [{ practice: PRACTICE, interestCount: 1 }], mayMarkInterest: true });
      const tabLabel = translate(locale, 'rollOutHere');
      expect(cardStrings(card)).toContain(tabLabel);
      expect(tabLabel).toBe(GLOSSARY.rollOutHere[locale]);
    });

    it(`names practice kinds, statuses and PT categories alike in both faces (${locale})`, () => {
      const shared = cardStrings(practiceCard({ locale, entry: { practice: { ...PRACTICE, status: 'planned' }, interestCount: 0 } })).join('\n');
      expect(shared).toContain(translate(locale, 'internal'));
      expect(shared).toContain(translate(locale, 'practicePlanned'));
      expect(shared).toContain(translate(locale, 'interestCount', { count: 0 }));
      const pts = cardStrings(ptListCard({ locale, teams: TEAMS })).join('\n');
      expect(pts).toContain(translate(locale, 'crossDepartmental'));
      expect(pts).toContain(translate(locale, 'threeLayer'));
    });
  }

  it('writes PT half-width everywhere it names the concept', () => {
    expect(GLOSSARY.pt.ja).toBe('PT');
    for (const entry of Object.values(GLOSSARY)) expect(entry.ja).not.toContain('ＰＴ');
  });

  it('leaves no dangling separator when a detail is missing', () => {
    expect(practiceKindText({ origin: 'internal' }, 'ja')).toBe('庁内事例');
    expect(practiceKindText({ origin: 'internal', by: '' }, 'ja')).toBe('庁内事例');
    expect(practiceKindText({ origin: 'internal', by: 'ＤＸ推進担当課' }, 'ja')).toBe('庁内事例 · ＤＸ推進担当課');
    expect(practiceKindText({ origin: 'external', by: '総務省' }, 'en')).toBe('External · 総務省');
    expect(joinDetails(['a', undefined, ' ', false, 'b'])).toBe('a · b');
  });
});
