import { foldForSearch } from './normalise.js';

/**
 * Okurigana folding for search. Japanese writes the same word with or without the kana that
 * follow a kanji stem (お問合せ / お問い合わせ / 問合せ, 手続 / 手続き, 取組み / 取り組み), and the
 * ward's own documents mix them (1-4's title says お問合せ, its topics 問い合わせ). A general rule
 * ("drop every kana between two kanji") would also merge words that differ in meaning, so the
 * folding is limited to known compounds: each pattern matches every customary spelling of one
 * word and rewrites it to the shortest, kana-free form.
 */
export const OKURIGANA_RULES: readonly { readonly pattern: RegExp; readonly folded: string }[] = [
  { pattern: /問い?合わ?せ/g, folded: '問合せ' },
  { pattern: /打ち?合わ?せ/g, folded: '打合せ' },
  { pattern: /申し?込み?/g, folded: '申込' },
  { pattern: /取り?組み?/g, folded: '取組' },
  { pattern: /取り?扱い?/g, folded: '取扱' },
  { pattern: /受け?付け?/g, folded: '受付' },
  { pattern: /手続き?/g, folded: '手続' },
  { pattern: /引き?継ぎ?/g, folded: '引継' },
  { pattern: /届け?出/g, folded: '届出' },
];

/** Rewrites every known okurigana variant to its short form (after NFKC and width folding). */
export function foldOkurigana(text: string): string {
  return OKURIGANA_RULES.reduce((folded, rule) => folded.replace(rule.pattern, rule.folded), text);
}

/** The form both sides of a text search are compared in: NFKC, width, case, dashes, okurigana. */
export function foldForTextSearch(text: string): string {
  return foldOkurigana(foldForSearch(text));
}

/** The words of a query, each folded; an empty query has none. */
export function searchTerms(query: string): string[] {
  return foldForTextSearch(query).split(' ').filter(Boolean);
}

/** True when every word of `query` occurs in one of `fields` (no words: always true). */
export function matchesEveryTerm(fields: readonly string[], query: string): boolean {
  const terms = searchTerms(query);
  if (terms.length === 0) return true;
  const haystack = foldForTextSearch(fields.join(' '));
  return terms.every((term) => haystack.includes(term));
}

/**
 * The okurigana spellings found in `text`, grouped by the short form they fold to (for the FY2024
 * file, 問合せ → {問合せ, 問い合わせ}). The trap report names words spelt more than one way.
 */
export function okuriganaSpellings(text: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const folded = text.normalize('NFKC');
  for (const rule of OKURIGANA_RULES) {
    for (const match of folded.matchAll(rule.pattern)) {
      const spellings = found.get(rule.folded) ?? new Set<string>();
      spellings.add(match[0]);
      found.set(rule.folded, spellings);
    }
  }
  return found;
}
