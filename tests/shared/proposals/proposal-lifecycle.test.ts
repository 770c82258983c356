import { describe, expect, it } from 'vitest';
import { DomainError, DomainErrors } from '../../../shared/domain-error.js';
import { decide, startReview, submit, withdraw, type Proposal } from '../../../shared/proposals/proposal.js';
import { validateProposalContent } from '../../../shared/proposals/proposal-content.js';
import { formatReceiptNumber } from '../../../shared/proposals/receipt-number.js';

const at = new Date('2024-05-10T01:00:00Z');
const draft: Proposal = {
  id: 'p1',
  callId: 'fy2024-new-initiative',
  track: 'individual',
  authorStaffId: 's1',
  state: 'draft',
  title: 'AI議事録',
  summary: '会議録作成に生成AIを使う',
  expectedEffect: '作成時間の半減',
  createdAt: at,
  updatedAt: at,
};

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('proposal lifecycle', () => {
  it('goes draft → submitted → under review → accepted as a mid-year addition', () => {
    const submitted = submit(draft, 'R6-新規-001', at);
    const reviewing = startReview(submitted, at);
    const accepted = decide(reviewing, 'acceptedMidYear', '9月の常任委員会で報告', at);
    expect([submitted.state, reviewing.state, accepted.state]).toEqual(['submitted', 'underReview', 'acceptedMidYear']);
    expect(submitted.receiptNumber).toBe('R6-新規-001');
  });

  it('refuses to decide a proposal that has not been heard yet', () => {
    expect(codeOf(() => decide(submit(draft, 'R6-新規-001', at), 'rejected', '理由', at))).toBe('proposal.illegalTransition');
  });

  it('lets the author withdraw before review but not after it starts', () => {
    expect(withdraw(submit(draft, 'R6-新規-001', at), at).state).toBe('withdrawn');
    const reviewing = startReview(submit(draft, 'R6-新規-001', at), at);
    expect(codeOf(() => withdraw(reviewing, at))).toBe('proposal.withdrawAfterReview');
  });

  it('requires a reason for every decision', () => {
    const reviewing = startReview(submit(draft, 'R6-新規-001', at), at);
    expect(codeOf(() => decide(reviewing, 'deferred', '  ', at))).toBe('proposal.reasonRequired');
  });

  it('numbers receipts by 令和 year and call kind, e.g. R6-新規-017', () => {
    expect(formatReceiptNumber(2024, 'newInitiative', 17)).toBe('R6-新規-017');
    expect(formatReceiptNumber(2025, 'ptTheme', 1234)).toBe('R7-提案PT-1234');
  });
});

describe('proposal content', () => {
  it('lets a draft be incomplete but reports every missing field on submission', () => {
    expect(validateProposalContent({ title: '下書き' }, 'draft', false).title).toBe('下書き');
    try {
      validateProposalContent({ title: '件名のみ' }, 'submit', true);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainErrors);
      expect((error as DomainErrors).errors.map((e) => e.field)).toEqual(['summary', 'expectedEffect', 'perspective']);
    }
  });

  it('normalises the related plan item and refuses one that is not an item number', () => {
    expect(validateProposalContent({ relatedItem: '２‐２４' }, 'draft', false).relatedItemKey).toBe('2-24');
    expect(() => validateProposalContent({ relatedItem: 'abc' }, 'draft', false)).toThrow(DomainErrors);
  });

  it('refuses a title over 100 characters', () => {
    expect(() => validateProposalContent({ title: 'あ'.repeat(101) }, 'draft', false)).toThrow(/fieldTooLong/);
  });
});
