import type { Grade } from './grade.js';

/**
 * A post (職): a title in a unit with a grade. Bodies list posts rather than people, so when the
 * April personnel transfer gives a post a new holder, body membership follows without edits.
 */
export interface Post {
  readonly id: string;
  readonly title: string;
  readonly unitId?: string | undefined;
  readonly grade: Grade;
  /** Other titles the same post has in documents (e.g. the summary's wording versus the guideline table's). */
  readonly aliases?: readonly string[] | undefined;
}
