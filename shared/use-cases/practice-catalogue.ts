import { DomainError } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import type { GoodPractice } from '../practices/good-practice.js';
import { matchesEveryTerm } from '../text/search-match.js';
import type { UseCaseContext } from './context.js';

export interface PracticeWithInterest {
  readonly practice: GoodPractice;
  readonly interestCount: number;
}

/**
 * Searches the catalogue: every word must appear in the title, summary, tags or publisher, after
 * folding width, case and okurigana (so `ＡＩ`, `ai` and `AI` match 生成ＡＩ, 手続き matches 手続等).
 * No words lists everything.
 */
export async function searchPractices(ctx: UseCaseContext, words: string): Promise<PracticeWithInterest[]> {
  const repos = ctx.store.repositories;
  const counts = await repos.practices.interestCounts();
  return (await repos.practices.list())
    .filter((practice) => matchesEveryTerm([practice.title, practice.summary, practice.publisher ?? '', ...practice.tags], words))
    .sort((a, b) => a.fiscalYear - b.fiscalYear || a.number - b.number)
    .map((practice) => ({ practice, interestCount: counts.get(practice.id) ?? 0 }));
}

/** Marks "we want to roll this out here"; marking twice counts once. Returns the new count. */
export async function markPracticeInterest(ctx: UseCaseContext, staff: Staff, practiceId: string): Promise<number> {
  return ctx.store.transaction(async (tx) => {
    const exists = (await tx.practices.list()).some((practice) => practice.id === practiceId);
    if (!exists) throw new DomainError('practice.notFound');
    const now = ctx.clock.now();
    if (await tx.practices.markInterest(practiceId, staff.id, now)) {
      await tx.audit.record({ entityType: 'practice', entityId: practiceId, action: 'interest', actorStaffId: staff.id, at: now });
    }
    return (await tx.practices.interestCounts()).get(practiceId) ?? 0;
  });
}
