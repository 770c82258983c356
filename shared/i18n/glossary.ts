import { fill, type Locale } from './locale.js';

/**
 * One word per concept for every face (bot cards, the tab, notifications). Terms that the bot and
 * the tab used to word differently live here, and both faces' message tables take them from here,
 * so a newcomer who meets a word in chat finds the same word on the tab's button.
 */
export const GLOSSARY = {
  /** Half-width, as the bot's commands and the tab's navigation write it; the source's 「ＰＴ」 folds to it. */
  pt: { ja: 'PT', en: 'PT' },
  /** The practice button: the formal wording of a ward office (自所属), not the colloquial うちでも. */
  rollOutHere: { ja: '自所属でも展開したい', en: 'Roll out here' },
  interestCount: { ja: '展開希望 {count}件', en: '{count} want to roll it out' },
  practiceInternal: { ja: '庁内事例', en: 'In-house' },
  practiceExternal: { ja: '他団体の事例', en: 'External' },
  practiceOperating: { ja: '運用中', en: 'In operation' },
  practicePlanned: { ja: '実施・運用開始予定', en: 'Planned' },
  ptCrossDepartmental: { ja: '部局横断的なPT', en: 'Cross-departmental PTs' },
  ptThreeLayer: { ja: '【参考】三層構造にかかるPT', en: '[For reference] Three-layer-structure PTs' },
  secretariat: { ja: '事務局', en: 'Secretariat' },
} as const satisfies Record<string, { readonly ja: string; readonly en: string }>;

export type GlossaryTerm = keyof typeof GLOSSARY;

/** A glossary term in a language, with `{name}` placeholders filled. */
export function term(key: GlossaryTerm, locale: Locale, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(GLOSSARY[key][locale], params);
}

/** Joins the parts of a detail line with ` · `, leaving out empty parts so no separator dangles. */
export function joinDetails(parts: readonly (string | false | null | undefined)[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part.trim() : ''))
    .filter((part) => part.length > 0)
    .join(' · ');
}

/**
 * A practice's kind as both faces show it: 庁内事例 with the owning unit, or 他団体の事例 with its
 * publisher; a missing unit or publisher leaves the kind alone (「庁内事例」, never 「庁内事例 ·」).
 */
export function practiceKindText(practice: { readonly origin: 'internal' | 'external'; readonly by?: string | undefined }, locale: Locale): string {
  return joinDetails([term(practice.origin === 'external' ? 'practiceExternal' : 'practiceInternal', locale), practice.by]);
}
