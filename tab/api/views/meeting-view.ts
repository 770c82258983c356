import { whoPresides } from '../../../shared/bodies/acting-chair.js';
import type { Body } from '../../../shared/bodies/body.js';
import { isPostAbsentAt, type PostAbsence } from '../../../shared/bodies/post-absence.js';
import { isExpectedAttendee } from '../../../shared/meetings/attendance.js';
import { tallyAttendance } from '../../../shared/meetings/attendance-tally.js';
import type { Meeting } from '../../../shared/meetings/meeting.js';
import type { Rsvp } from '../../../shared/meetings/rsvp.js';
import type { Post } from '../../../shared/organisation/post.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import type { ProjectTeam } from '../../../shared/plan/project-team.js';
import type { MeetingDetailDto, MeetingSummaryDto, RosterLineDto } from '../../web/models/api-contract.js';

export function presentMeetingSummary(
  meeting: Meeting,
  body: Body | undefined,
  viewer: { staff?: Staff | undefined; team?: ProjectTeam | undefined; myRsvp?: Rsvp | undefined },
  minutesConfirmed = false,
): MeetingSummaryDto {
  return {
    id: meeting.id,
    bodyId: meeting.bodyId,
    bodyName: body?.name ?? meeting.bodyId,
    bodyNameEn: body?.nameEn ?? meeting.bodyId,
    ordinal: meeting.ordinal,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    place: meeting.place,
    status: meeting.status,
    demo: meeting.demo,
    myRsvp: viewer.myRsvp?.response,
    viewerExpected: body !== undefined && viewer.staff !== undefined && isExpectedAttendee(body, viewer.staff, viewer.team),
    minutesConfirmed,
  };
}

/**
 * The meeting page: roster with each holder's answer, and who presides. A post is available when
 * it has a holder who has not declined; a proxy does not preside, so a proxy answer counts as absent.
 * A post recorded as absent or vacant at the meeting's start does not preside (要綱 art. 3(3)(4)).
 * `expected` is given only to those who follow the answers (convener, secretariat): they get the tally.
 */
export function presentMeetingDetail(input: {
  meeting: Meeting;
  body: Body;
  posts: ReadonlyMap<string, Post>;
  holdersByPost: ReadonlyMap<string, readonly Staff[]>;
  rsvps: readonly Rsvp[];
  staffById: ReadonlyMap<string, Staff>;
  viewer: { staff?: Staff | undefined; team?: ProjectTeam | undefined };
  expected?: readonly Staff[] | undefined;
  absences?: readonly PostAbsence[] | undefined;
  minutesConfirmed?: boolean | undefined;
}): MeetingDetailDto {
  const { meeting, body, posts, holdersByPost, rsvps, staffById, viewer, expected } = input;
  const absences = input.absences ?? [];
  const rsvpOf = new Map(rsvps.map((rsvp) => [rsvp.staffId, rsvp]));
  const roster: RosterLineDto[] = body.roster.map((entry) => ({
    postId: entry.postId,
    postTitle: posts.get(entry.postId)?.title ?? entry.postId,
    role: entry.role,
    rank: entry.rank,
    moderator: entry.moderator ?? false,
    holders: (holdersByPost.get(entry.postId) ?? []).map((holder) => ({
      staffId: holder.id,
      displayName: holder.displayName,
      rsvp: rsvpOf.get(holder.id)?.response,
      proxyName: rsvpOf.get(holder.id)?.proxyName,
    })),
  }));
  const onRoster = new Set(roster.flatMap((line) => line.holders.map((holder) => holder.staffId)));
  const available = (postId: string) =>
    !isPostAbsentAt(absences, postId, meeting.startsAt) &&
    (holdersByPost.get(postId) ?? []).some((holder) => {
      const answer = rsvpOf.get(holder.id)?.response;
      return answer !== 'absent' && answer !== 'proxy';
    });
  const presiding = whoPresides(body, available);
  const presidingHolder = presiding.postId ? holdersByPost.get(presiding.postId)?.[0] : undefined;
  return {
    ...presentMeetingSummary(meeting, body, { ...viewer, myRsvp: viewer.staff ? rsvpOf.get(viewer.staff.id) : undefined }, input.minutesConfirmed),
    onlineUrl: meeting.onlineUrl,
    agenda: meeting.agenda.map((item) => ({ title: item.title, kind: item.kind, ptId: item.ptId })),
    guests: meeting.guests.map((guest) => ({ name: guest.name, affiliation: guest.affiliation })),
    roster,
    otherResponses: rsvps
      .filter((rsvp) => !onRoster.has(rsvp.staffId))
      .map((rsvp) => ({ displayName: staffById.get(rsvp.staffId)?.displayName ?? rsvp.staffId, rsvp: rsvp.response, proxyName: rsvp.proxyName })),
    presiding: {
      basis: presiding.basis,
      postTitle: presiding.postId ? (posts.get(presiding.postId)?.title ?? presiding.postId) : undefined,
      displayName: presidingHolder?.displayName,
    },
    history: meeting.history.map((change) => ({
      changedAt: change.changedAt.toISOString(),
      previousStartsAt: change.previousStartsAt.toISOString(),
      reason: change.reason,
    })),
    bodyKind: body.kind,
    ...(expected ? { attendance: tallyAttendance(expected, rsvps), rsvpReminder: reminderOf(meeting, staffById) } : {}),
  };
}

function reminderOf(meeting: Meeting, staffById: ReadonlyMap<string, Staff>): MeetingDetailDto['rsvpReminder'] {
  const record = meeting.rsvpReminder;
  if (!record) return undefined;
  return {
    sentAt: record.sentAt.toISOString(),
    sentByName: staffById.get(record.sentByStaffId)?.displayName ?? record.sentByStaffId,
    recipients: record.recipients,
    unreachable: record.unreachable,
  };
}
