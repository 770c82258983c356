import { describe, expect, it } from 'vitest';
import type { ReviewProposalDto } from '../../tab/web/models/api-contract.js';
import { REVIEW_PROPOSALS, seedReviewProposals } from './support/review-seed.js';
import { useTabApi } from './support/tab-api-session.js';
import { STAFF } from './support/tab-world.js';

describe('the review board API shows the content of each proposal', () => {
  const api = useTabApi(seedReviewProposals);

  const board = async (query = ''): Promise<ReviewProposalDto[]> => {
    const response = await api.call(STAFF.secretary.id, 'GET', `/api/v1/review/proposals${query}`);
    expect(response.status).toBe(200);
    return response.json();
  };
  const byId = (list: readonly ReviewProposalDto[], id: string) => list.find((proposal) => proposal.id === id)!;

  it('gives the secretariat the summary, expected effect, related item number and title, department and author', async () => {
    const department = byId(await board(), REVIEW_PROPOSALS.department.proposalId);
    expect(department).toMatchObject({
      title: REVIEW_PROPOSALS.department.title,
      summary: REVIEW_PROPOSALS.department.summary,
      expectedEffect: REVIEW_PROPOSALS.department.expectedEffect,
      track: 'department',
      departmentName: '保健福祉政策部',
      authorName: STAFF.member1.displayName,
      authorUnitName: '保健福祉政策部',
      relatedItemKey: '1-4',
      relatedItem: { number: '1-4', title: '行政手続きのデジタル化' },
    });
  });

  it('names the item as the programme prints it, gives a theme its perspective, and an individual no department', async () => {
    const theme = byId(await board(), REVIEW_PROPOSALS.theme.proposalId);
    expect(theme).toMatchObject({
      track: 'individual',
      perspective: 'crossCutting',
      relatedItem: { number: '1‐24', title: '三層構造の見直し' },
      authorName: STAFF.author.displayName,
      authorUnitName: '財政課',
    });
    expect(theme.departmentName).toBeUndefined();
    // Typed text comes back exactly as typed: escaping is the renderer's job.
    expect(theme.title).toBe(REVIEW_PROPOSALS.theme.title);
  });

  it('points out the other proposals on the same plan item, whatever the filter shows', async () => {
    const [underReview] = await board('?state=underReview');
    expect(underReview!.id).toBe(REVIEW_PROPOSALS.sameItem.proposalId);
    expect(underReview!.sameItemProposals).toEqual([
      { id: REVIEW_PROPOSALS.department.proposalId, receiptNumber: expect.stringMatching(/^R6-新規-\d{3}$/), title: REVIEW_PROPOSALS.department.title },
    ]);
    expect(byId(await board(), REVIEW_PROPOSALS.theme.proposalId).sameItemProposals).toEqual([]);
  });

  it('still refuses the board to anyone outside the secretariat, content and all', async () => {
    for (const person of [STAFF.author, STAFF.member1, STAFF.ptSecretary, STAFF.mayor]) {
      const response = await api.call(person.id, 'GET', '/api/v1/review/proposals');
      expect(response.status, person.id).toBe(403);
      expect(response.text, person.id).not.toContain(REVIEW_PROPOSALS.department.summary.slice(0, 20));
    }
    expect((await api.call(undefined, 'GET', '/api/v1/review/proposals')).status).toBe(401);
  });
});
