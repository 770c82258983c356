import { describe, expect, it } from 'vitest';
import { DECIDED_PROPOSAL, seedDashboard } from './support/dashboard-seed.js';
import { REVIEW_PROPOSALS } from './support/review-seed.js';
import { useTabApi } from './support/tab-api-session.js';

describe('the dashboard by role over HTTP', () => {
  const api = useTabApi(seedDashboard);
  const dashboardOf = async (as: string) => (await api.call(as, 'GET', '/api/v1/dashboard')).json();

  it('gives staff their proposals with state and decision, open recruitments counted down, and the PT reporting summary', async () => {
    const dashboard = await dashboardOf('author');
    expect(dashboard.myProposals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: REVIEW_PROPOSALS.theme.proposalId, state: 'submitted', receiptNumber: expect.any(String) }),
        expect.objectContaining({
          id: DECIDED_PROPOSAL.id,
          title: DECIDED_PROPOSAL.title,
          track: 'individual',
          state: 'acceptedNextYear',
          decidedAt: '2024-05-10T01:00:00.000Z',
          decisionReason: DECIDED_PROPOSAL.reason,
        }),
      ]),
    );
    expect(dashboard.myProposals).toHaveLength(2);
    // Open until 1 June 00:00: the last day is 31 May, 21 days after 10 May.
    expect(dashboard.openRecruitments).toEqual([{ id: 'rp-1', title: '窓口手続きのオンライン化', closesAt: '2024-05-31T15:00:00.000Z', daysLeft: 21 }]);
    expect(dashboard.ptReporting).toEqual({ fiscalYear: 2024, reported: 0, notYet: 2 });
    expect(dashboard).not.toHaveProperty('ptProgress');
  });

  it('lists no proposals for a person who has none, and none of another person’s', async () => {
    expect((await dashboardOf('deputy1')).myProposals).toEqual([]);
  });
});
