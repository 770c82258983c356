/**
 * Text folding used wherever user or document text is matched against stored names.
 *
 * NFKC folds full-width digits and letters (`１` → `1`, `ＤＸ` → `DX`) and the Roman numeral
 * `Ⅹ` (U+2169) to `X`, but it leaves several dash-like characters alone (U+2010 in particular,
 * which the FY2024 PT list uses in `2‐24`), so those are folded to ASCII `-` explicitly.
 */
const DASH_LIKE = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF0D\uFE63\u2043]/g;

/** NFKC plus dash folding; the canonical form for comparing names and item numbers. */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(DASH_LIKE, '-');
}

/** {@link foldText} plus lower case and collapsed white space: for search and command matching. */
export function foldForSearch(text: string): string {
  return foldText(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
