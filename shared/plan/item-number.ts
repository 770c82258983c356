import { DomainError } from '../domain-error.js';
import { foldText } from '../text/normalise.js';

/**
 * A plan item number (個票番号) `chapter-sequence`, e.g. `1-4`. The source writes them with ASCII
 * hyphens, U+2010 hyphens and full-width digits; `original` keeps what the document said for
 * display, `key` is the folded form used for every comparison.
 */
export interface ItemNumber {
  readonly chapter: number;
  readonly sequence: number;
  readonly key: string;
  readonly original: string;
}

const ITEM_PATTERN = /^(\d{1,2})-(\d{1,3})$/;

/** Parses one item number; throws `item.invalidNumber` for anything that is not `N-M`. */
export function parseItemNumber(text: string): ItemNumber {
  const folded = foldText(text).replace(/\s+/g, '');
  const match = ITEM_PATTERN.exec(folded);
  if (!match) throw new DomainError('item.invalidNumber', { value: text.trim() });
  const chapter = Number(match[1]);
  const sequence = Number(match[2]);
  return { chapter, sequence, key: `${chapter}-${sequence}`, original: text.trim() };
}

/**
 * Parses a list like `3-12/3‐13` (a PT covering two items). Slashes, commas, 、 and line
 * breaks separate items.
 */
export function parseItemNumbers(text: string): ItemNumber[] {
  const parts = foldText(text)
    .split(/[/,、\n]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0) throw new DomainError('item.invalidNumber', { value: text.trim() });
  const originals = text
    .split(/[/／,，、\n]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.map((part, index) => ({ ...parseItemNumber(part), original: originals[index] ?? part }));
}

/** The folded key for lookup, or `undefined` when the text is not an item number. */
export function itemKeyOf(text: string): string | undefined {
  try {
    return parseItemNumber(text).key;
  } catch {
    return undefined;
  }
}

/** Orders item numbers by chapter, then sequence (so `1-4` < `1-22` < `2-5`). */
export function compareItemNumbers(a: ItemNumber, b: ItemNumber): number {
  return a.chapter - b.chapter || a.sequence - b.sequence;
}
