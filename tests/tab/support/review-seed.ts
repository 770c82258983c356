/**
 * Proposals for the review board's tests, submitted through the use case as a person would: a
 * department proposal and individual ones, a proposal-based PT theme with its perspective, two
 * proposals on the same plan item, one under review, and long typed text (with Markdown, HTML and
 * an unbroken URL) so the layout is tried at its worst. No vitest import.
 */
import type { ProposalCall } from '../../../shared/calls/proposal-call.js';
import { startProposalReviews } from '../../../shared/use-cases/proposal-review.js';
import { submitProposal } from '../../../shared/use-cases/proposal-submission.js';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import { CALL, STAFF } from './tab-seed.js';

/** A proposal-based PT theme call open on the tests' day (10 May 2024) until 28 June. */
export const PT_THEME_CALL: ProposalCall = {
  ...CALL,
  id: 'fy2024-pt-theme',
  kind: 'ptTheme',
  title: '提案型プロジェクトチームのプロジェクト提案募集',
  tracks: CALL.tracks.map((track) => ({ ...track, deadlineDate: '2024-06-28', closesAt: new Date('2024-06-29T00:00:00+09:00') })),
  formFields: ['title', 'summary', 'relatedItem', 'expectedEffect', 'perspective'],
};

const longText = (opening: string, sentence: string, length: number) => `${opening}\n${sentence.repeat(Math.ceil(length / sentence.length))}`.slice(0, length);

export const REVIEW_PROPOSALS = {
  department: {
    proposalId: 'rv-dept',
    author: STAFF.member1,
    callId: CALL.id,
    track: 'department' as const,
    departmentUnitId: 'kenko-bu',
    title: '福祉窓口の予約制の導入',
    relatedItem: '１‐４',
    summary: longText(
      '福祉窓口の相談を事前予約制にする。',
      '来庁者の待ち時間を減らし、相談内容に応じた職員を配置できるよう、オンライン予約と電話予約を組み合わせて運用する。',
      900,
    ),
    expectedEffect: longText(
      '待ち時間の短縮と相談の質の向上。',
      '予約時に相談内容を把握できるため、必要な資料を事前に準備でき、一回の来庁で手続きが完了する割合が高まる。',
      600,
    ),
  },
  theme: {
    proposalId: 'rv-theme',
    author: STAFF.author,
    callId: PT_THEME_CALL.id,
    track: 'individual' as const,
    title: '<b>太字</b> [押して](https://evil.example) 区民集会施設の多機能化',
    relatedItem: '1-24',
    perspective: 'crossCutting',
    summary: `集会施設の空き時間を地域活動に開放する。参考: https://example.jp/${'a'.repeat(160)}`,
    expectedEffect: '施設の稼働率の向上',
  },
  sameItem: {
    proposalId: 'rv-same',
    author: STAFF.outsider,
    callId: CALL.id,
    track: 'individual' as const,
    title: '問い合わせ対応のチャットボット化',
    relatedItem: '1-4',
    summary: 'よくある問い合わせにチャットボットで答える',
    expectedEffect: '電話件数の削減',
  },
} as const;

/** Submits the review proposals and moves the same-item one to review; returns nothing, the tests read the board. */
export async function seedReviewProposals(ctx: UseCaseContext): Promise<void> {
  await ctx.store.repositories.calls.upsert(PT_THEME_CALL);
  for (const { author, ...input } of Object.values(REVIEW_PROPOSALS)) await submitProposal(ctx, author, input);
  await startProposalReviews(ctx, STAFF.secretary, [REVIEW_PROPOSALS.sameItem.proposalId]);
}
