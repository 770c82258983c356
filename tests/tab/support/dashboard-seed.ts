/**
 * A programme for the dashboard by role: the review board's proposals (two submitted, one under
 * review), and a proposal of 財政 主任 decided with a reason; an HQ meeting set down with no
 * convocation yet, a draft convocation for the 区長 to issue, two past HQ meetings with draft
 * minutes (the 区長 presided at one, the 1st-rank deputy at the other), and one notification the
 * outbox gave up on. No vitest import.
 */
import type { Meeting } from '../../../shared/meetings/meeting.js';
import { prepareConvocation } from '../../../shared/use-cases/meeting-convocation.js';
import { saveMinutes } from '../../../shared/use-cases/meeting-minutes.js';
import { decideProposal, startProposalReviews } from '../../../shared/use-cases/proposal-review.js';
import { submitProposal } from '../../../shared/use-cases/proposal-submission.js';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import { seedReviewProposals } from './review-seed.js';
import { CALL, NOW, STAFF } from './tab-seed.js';

export const DECIDED_PROPOSAL = { id: 'db-decided', title: '庁内会議のペーパーレス化', reason: '次年度の取組み項目として採用する。' } as const;

export const PLANNED_MEETING_ID = 'db-planned';
export const PREPARED_MEETING_ID = 'db-prepared';
/** 区長 present: the 区長 confirms. */
export const CHAIRED_MEETING_ID = 'db-chaired';
/** 区長 absent, 副区長（第1順位） present: the deputy confirms. */
export const DEPUTISED_MEETING_ID = 'db-deputised';

const pastHqMeeting = (id: string, ordinal: number, day: string): Meeting => ({
  id,
  bodyId: 'hq',
  ordinal,
  fiscalYear: 2024,
  startsAt: new Date(`${day}T10:00:00+09:00`),
  endsAt: new Date(`${day}T11:00:00+09:00`),
  agenda: [{ title: '今年度の進め方', kind: 'general' }],
  guests: [],
  status: 'convened',
  convenedAt: new Date('2024-04-01T09:00:00+09:00'),
  convenedByStaffId: STAFF.mayor.id,
  history: [],
  demo: false,
});

export async function seedDashboard(ctx: UseCaseContext): Promise<void> {
  await seedReviewProposals(ctx);
  await submitProposal(ctx, STAFF.author, {
    proposalId: DECIDED_PROPOSAL.id,
    callId: CALL.id,
    track: 'individual',
    title: DECIDED_PROPOSAL.title,
    relatedItem: '1-4',
    summary: '会議資料を電子化する',
    expectedEffect: '印刷費の削減',
  });
  await startProposalReviews(ctx, STAFF.secretary, [DECIDED_PROPOSAL.id]);
  await decideProposal(ctx, STAFF.secretary, { proposalId: DECIDED_PROPOSAL.id, decision: 'acceptedNextYear', reason: DECIDED_PROPOSAL.reason });

  const repos = ctx.store.repositories;
  await repos.meetings.insert({
    ...pastHqMeeting(PLANNED_MEETING_ID, 4, '2024-08-23'),
    status: 'planned',
    convenedAt: undefined,
    convenedByStaffId: undefined,
  });
  await prepareConvocation(ctx, STAFF.secretary, {
    meetingId: PREPARED_MEETING_ID,
    bodyId: 'hq',
    startsAt: new Date('2024-09-20T10:00:00+09:00'),
    endsAt: new Date('2024-09-20T11:00:00+09:00'),
  });
  const present = (staffId: string) => ({ staffId, mark: 'present' as const });
  const absent = (staffId: string) => ({ staffId, mark: 'absent' as const });
  for (const [meeting, attendance] of [
    [pastHqMeeting(CHAIRED_MEETING_ID, 1, '2024-04-12'), [present(STAFF.mayor.id), present(STAFF.deputy1.id)]],
    [pastHqMeeting(DEPUTISED_MEETING_ID, 3, '2024-04-26'), [absent(STAFF.mayor.id), present(STAFF.deputy1.id)]],
  ] as const) {
    await repos.meetings.insert(meeting);
    await saveMinutes(ctx, STAFF.secretary, meeting.id, { attendance, guestsPresent: [], summaries: [], decisions: [] });
  }
  await repos.conversations.upsert({
    conversationId: 'conversation-gone',
    kind: 'personal',
    serviceUrl: 'https://smba.example/',
    tenantId: 't',
    botId: '28:bot',
    locale: 'ja',
    active: true,
    updatedAt: NOW,
  });
  await repos.outbox.plan([
    {
      id: 'db-failed',
      occurrenceKey: 'db-failed',
      seriesKey: 'db-failed',
      conversationId: 'conversation-gone',
      kind: 'personal',
      subjectId: DECIDED_PROPOSAL.id,
      dueAt: new Date(NOW.getTime() - 3_600_000),
      expiresAt: new Date(NOW.getTime() + 86_400_000),
      payload: { type: 'draftReminder', proposalId: DECIDED_PROPOSAL.id },
    },
  ]);
  await repos.outbox.claimDue(NOW, 100, 'dashboard-seed', new Date(NOW.getTime() + 60_000));
  await repos.outbox.markFailed('db-failed', 'dashboard-seed', 'the conversation is gone');
  await repos.outbox.releaseClaimsOf('dashboard-seed');
}
