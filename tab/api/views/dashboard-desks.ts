import { conveneAuthority, isChairConvenedBody, mayPrepareConvocation, type ConveneSituation } from '../../../shared/bodies/convene-permission.js';
import type { Body } from '../../../shared/bodies/body.js';
import type { Meeting } from '../../../shared/meetings/meeting.js';
import type { Repositories } from '../../../shared/ports/store.js';
import type { ProposalState } from '../../../shared/proposals/proposal.js';
import { presidingOfficer } from '../../../shared/use-cases/meeting-minutes.js';
import type { Viewer } from '../auth/viewer.js';
import type { DashboardDto } from '../../web/models/api-contract.js';
import { presentMeetingSummary } from './meeting-view.js';

type SecretariatDesk = NonNullable<DashboardDto['secretariatDesk']>;
type ChairDesk = NonNullable<DashboardDto['chairDesk']>;

const byStart = (a: Meeting, b: Meeting) => a.startsAt.getTime() - b.startsAt.getTime();

async function meetingsOf(repos: Repositories, bodies: readonly Body[], statuses: readonly Meeting['status'][], now: Date): Promise<Meeting[]> {
  const lists = await Promise.all(bodies.map((body) => repos.meetings.list({ bodyId: body.id })));
  return lists
    .flat()
    .filter((meeting) => statuses.includes(meeting.status) && meeting.endsAt.getTime() > now.getTime())
    .sort(byStart);
}

/**
 * HQ 庶務's desk: the review queue by state, the HQ and council meetings set down but not yet
 * drafted as a convocation, the drafts waiting for the chair to issue, and notifications the
 * outbox gave up on. `undefined` for anyone else.
 */
export async function presentSecretariatDesk(
  repos: Repositories,
  viewer: Viewer,
  counts: Partial<Record<ProposalState, number>>,
  now: Date,
): Promise<SecretariatDesk | undefined> {
  const staff = viewer.staff;
  if (!staff || !viewer.roles.secretariat) return undefined;
  const bodies = viewer.bodies.filter((body) => mayPrepareConvocation(body, staff));
  const bodyById = new Map(bodies.map((body) => [body.id, body]));
  const [meetings, outbox] = await Promise.all([meetingsOf(repos, bodies, ['planned', 'prepared'], now), repos.outbox.countByState()]);
  const present = (meeting: Meeting) => presentMeetingSummary(meeting, bodyById.get(meeting.bodyId), { staff });
  return {
    reviewQueue: { submitted: counts.submitted ?? 0, underReview: counts.underReview ?? 0 },
    convocationsToPrepare: meetings.filter((meeting) => meeting.status === 'planned').map(present),
    convocationsAwaitingIssue: meetings.filter((meeting) => meeting.status === 'prepared').map(present),
    failedNotifications: outbox.failed,
  };
}

/**
 * The chair's desk, and the acting chair's while the 本部長 is absent: draft convocations they
 * may issue now, and draft minutes of meetings they presided (as the minutes record it), which
 * only they may confirm. `undefined` for a person on no roster as chair or vice-chair.
 */
export async function presentChairDesk(repos: Repositories, viewer: Viewer, situation: ConveneSituation): Promise<ChairDesk | undefined> {
  const staff = viewer.staff;
  if (!staff?.postId) return undefined;
  const presidingBodies = viewer.bodies.filter((body) =>
    body.roster.some((entry) => entry.postId === staff.postId && (entry.role === 'chair' || entry.role === 'viceChair')),
  );
  if (presidingBodies.length === 0) return undefined;
  const bodyById = new Map(presidingBodies.map((body) => [body.id, body]));
  const issuing = presidingBodies.filter((body) => isChairConvenedBody(body) && conveneAuthority(body, staff, situation) !== undefined);
  const [toIssue, drafts] = await Promise.all([
    meetingsOf(repos, issuing, ['prepared'], situation.at),
    repos.minutes.list({ bodyIds: presidingBodies.map((body) => body.id), status: 'draft' }),
  ]);
  const toConfirm: Meeting[] = [];
  for (const minutes of drafts) {
    const meeting = await repos.meetings.get(minutes.meetingId);
    const body = bodyById.get(minutes.bodyId);
    if (!meeting || !body) continue;
    if ((await presidingOfficer(repos, meeting, body, minutes)).postId === staff.postId) toConfirm.push(meeting);
  }
  if (viewer.roles.chairOf.length === 0 && issuing.length === 0 && toConfirm.length === 0) return undefined;
  const present = (meeting: Meeting) => presentMeetingSummary(meeting, bodyById.get(meeting.bodyId), { staff });
  return { convocationsToIssue: toIssue.map(present), minutesToConfirm: toConfirm.sort(byStart).map(present) };
}
