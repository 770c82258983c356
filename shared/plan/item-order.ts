import { foldText } from '../text/normalise.js';
import type { ProjectTeam } from './project-team.js';

/**
 * The first item number inside a piece of text, as `[chapter, sequence]`: `1-22`, `3-12/3‐13`,
 * `ＰＴ ２‐２４` and the body id `pt-1-4` all have one. Text is folded first, so the source's
 * U+2010 hyphens and full-width digits order like ASCII ones.
 */
export function leadingItemNumber(text: string): readonly [number, number] | undefined {
  const match = /(\d{1,2})-(\d{1,3})(?!\d)/.exec(foldText(text));
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * Orders texts that carry plan item numbers numerically, chapter then sequence, so `1-4` comes
 * before `1-22` (a plain string sort puts `1-22` first). Texts without a number come after those
 * with one, in Japanese collation among themselves, so the order never depends on insertion.
 */
export function compareItemText(a: string, b: string): number {
  const left = leadingItemNumber(a);
  const right = leadingItemNumber(b);
  if (left && right) return left[0] - right[0] || left[1] - right[1] || collator.compare(a, b);
  if (left) return -1;
  if (right) return 1;
  return collator.compare(a, b);
}

const collator = new Intl.Collator('ja');

/**
 * Orders PTs by their first plan item number, the way every list shows them (tab and bot);
 * the source-list position breaks ties, e.g. two PTs on the same item.
 */
export function compareProjectTeams(a: Pick<ProjectTeam, 'items' | 'sortOrder'>, b: Pick<ProjectTeam, 'items' | 'sortOrder'>): number {
  const left = a.items[0];
  const right = b.items[0];
  if (left && right) return left.chapter - right.chapter || left.sequence - right.sequence || a.sortOrder - b.sortOrder;
  return a.sortOrder - b.sortOrder;
}
