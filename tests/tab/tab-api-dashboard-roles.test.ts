import { describe, expect, it } from 'vitest';
import { recordPostAbsence } from '../../shared/use-cases/post-absences.js';
import {
  CHAIRED_MEETING_ID,
  DECIDED_PROPOSAL,
  DEPUTISED_MEETING_ID,
  PLANNED_MEETING_ID,
  PREPARED_MEETING_ID,
  seedDashboard,
} from './support/dashboard-seed.js';
import { STAFF } from './support/tab-world.js';
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

  const ids = (meetings: readonly { id: string }[]) => meetings.map((meeting) => meeting.id);

  it('gives staff no secretariat desk and no chair desk', async () => {
    const dashboard = await dashboardOf('author');
    expect(dashboard.secretariatDesk).toBeUndefined();
    expect(dashboard.chairDesk).toBeUndefined();
  });

  it('gives HQ 庶務 the review queue by state, the convocations to prepare and awaiting issue, and the failed notifications', async () => {
    const dashboard = await dashboardOf('secretary');
    expect(dashboard.secretariatDesk).toEqual({
      reviewQueue: { submitted: 2, underReview: 1 },
      convocationsToPrepare: [expect.objectContaining({ id: PLANNED_MEETING_ID, status: 'planned' })],
      convocationsAwaitingIssue: [expect.objectContaining({ id: PREPARED_MEETING_ID, status: 'prepared' })],
      failedNotifications: 1,
    });
    // The secretariat prepares but does not issue or confirm.
    expect(dashboard.chairDesk).toBeUndefined();
    // An administrator outside 庶務 keeps the review line under my tasks, without the desk.
    const admin = await dashboardOf('admin');
    expect(admin.secretariatDesk).toBeUndefined();
    expect(admin.tasks.reviewsWaiting).toEqual({ submitted: 2, underReview: 1 });
  });

  it('gives the 区長 the convocation to issue and the minutes of the meeting they presided, the deputy those they presided', async () => {
    const mayor = await dashboardOf('mayor');
    expect(ids(mayor.chairDesk.convocationsToIssue)).toEqual([PREPARED_MEETING_ID]);
    expect(ids(mayor.chairDesk.minutesToConfirm)).toEqual([CHAIRED_MEETING_ID]);
    expect(mayor.secretariatDesk).toBeUndefined();
    const deputy = await dashboardOf('deputy1');
    expect(deputy.chairDesk).toEqual({ convocationsToIssue: [], minutesToConfirm: [expect.objectContaining({ id: DEPUTISED_MEETING_ID })] });
    expect((await dashboardOf('deputy2')).chairDesk).toBeUndefined();
  });

  it('hands the convocation to the acting chair while the 区長 is recorded absent', async () => {
    await recordPostAbsence(api.world.ctx, STAFF.secretary, { postId: 'kucho', kind: 'absent', from: new Date('2024-05-01T00:00:00+09:00') });
    expect(ids((await dashboardOf('deputy1')).chairDesk.convocationsToIssue)).toEqual([PREPARED_MEETING_ID]);
    expect((await dashboardOf('mayor')).chairDesk.convocationsToIssue).toEqual([]);
  });

  it('counts the open calls’ proposals by department and state, drafts left out, for everyone', async () => {
    const overview = (await api.call('author', 'GET', '/api/v1/dashboard/overview')).json();
    const newInitiative = overview.calls.find((call: { id: string }) => call.id === 'fy2024-new-initiative');
    expect(newInitiative.states).toEqual(['submitted', 'underReview', 'acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected', 'withdrawn']);
    // 財政課's author counts for 政策経営部; the department proposal and 保健 主事's for 保健福祉政策部.
    expect(newInitiative.departments).toEqual([
      { id: 'kenko-bu', name: '保健福祉政策部', counts: { submitted: 1, underReview: 1 } },
      { id: 'seisaku-keiei-bu', name: '政策経営部', counts: { acceptedNextYear: 1 } },
    ]);
    expect(overview.calls.find((call: { id: string }) => call.id === 'fy2024-pt-theme').departments).toEqual([
      { id: 'seisaku-keiei-bu', name: '政策経営部', counts: { submitted: 1 } },
    ]);
    expect((await api.call('outsider', 'GET', '/api/v1/dashboard/overview')).status).toBe(200);
  });
});
