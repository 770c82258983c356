import { whoPresides, type PresidingResult } from '../bodies/acting-chair.js';
import type { Body } from '../bodies/body.js';
import { isSecretariatOf } from '../bodies/convene-permission.js';
import { isPostAbsentAt } from '../bodies/post-absence.js';
import { DomainError } from '../domain-error.js';
import { isExpectedAttendee } from '../meetings/attendance.js';
import type { Meeting } from '../meetings/meeting.js';
import { isOverdue, isOwnedBy, completeActionItem, type ActionItem } from '../minutes/action-item.js';
import {
  assertDraft,
  assertMinutesMayBeWritten,
  attendanceFromAnswers,
  validateMinutesContent,
  type MeetingDecision,
  type Minutes,
  type MinutesContent,
} from '../minutes/minutes.js';
import type { Staff } from '../organisation/staff.js';
import type { Repositories } from '../ports/store.js';
import { decide, startReview, type Decision, type Proposal, type ProposalState } from '../proposals/proposal.js';
import { jstDateOf } from '../time/index.js';
import type { UseCaseContext } from './context.js';
import { notifyPerson } from './personal-notices.js';

interface MeetingScope {
  readonly meeting: Meeting;
  readonly body: Body;
  /** The active people the meeting expects (its roster, secretariat and, for a PT, its units). */
  readonly expected: readonly Staff[];
}

async function meetingScope(tx: Repositories, meetingId: string): Promise<MeetingScope> {
  const meeting = await tx.meetings.get(meetingId);
  if (!meeting) throw new DomainError('meeting.notFound');
  const body = await tx.bodies.get(meeting.bodyId);
  if (!body) throw new DomainError('meeting.notFound');
  const team = body.kind === 'pt' ? (await tx.projectTeams.list()).find((pt) => pt.bodyId === body.id) : undefined;
  const expected = (await tx.staff.list()).filter((person) => person.active && isExpectedAttendee(body, person, team));
  return { meeting, body, expected };
}

/** The chair and vice-chair posts: those who may come to preside, and so may read draft minutes. */
function presidingPosts(body: Body): Set<string> {
  return new Set(body.roster.filter((entry) => entry.role === 'chair' || entry.role === 'viceChair').map((entry) => entry.postId));
}

/** Drafts are the secretariat's and the presiding officers' to read; confirmed minutes are every member's. */
function mayReadMinutes(minutes: Minutes, body: Body, staff: Staff | undefined): boolean {
  if (minutes.status === 'confirmed') return true;
  if (!staff) return false;
  return isSecretariatOf(body, staff) || (staff.postId !== undefined && presidingPosts(body).has(staff.postId));
}

/**
 * The meeting's minutes as the viewer may read them, or for the secretariat of a held meeting
 * without minutes a fresh draft (not saved) whose attendance comes from the answers.
 */
export async function minutesFor(ctx: UseCaseContext, viewer: Staff | undefined, meetingId: string): Promise<Minutes | undefined> {
  const repos = ctx.store.repositories;
  const { meeting, body, expected } = await meetingScope(repos, meetingId);
  const saved = await repos.minutes.get(meetingId);
  if (saved) return mayReadMinutes(saved, body, viewer) ? saved : undefined;
  if (!viewer || !isSecretariatOf(body, viewer)) return undefined;
  try {
    assertMinutesMayBeWritten(meeting, ctx.clock.now());
  } catch {
    return undefined;
  }
  const answers = new Map((await repos.meetings.listRsvps(meetingId)).map((rsvp) => [rsvp.staffId, rsvp]));
  return {
    meetingId,
    bodyId: body.id,
    status: 'draft',
    attendance: attendanceFromAnswers(
      expected.map((person) => person.id),
      answers,
    ),
    guestsPresent: meeting.guests.map((guest) => guest.name),
    summaries: [],
    decisions: [],
    updatedAt: ctx.clock.now(),
    updatedByStaffId: viewer.id,
  };
}

/** The states of a proposal a meeting may still decide. */
export const DECIDABLE_STATES = ['submitted', 'underReview'] as const satisfies readonly ProposalState[];

/**
 * A meeting decides a proposal that is submitted or in review (or confirms the outcome it already
 * has); a withdrawn or otherwise decided proposal is named, so the secretariat corrects the minutes.
 */
function assertDecidable(proposal: Proposal, outcome: Decision): void {
  if (proposal.state === outcome || (DECIDABLE_STATES as readonly string[]).includes(proposal.state)) return;
  throw new DomainError('minutes.proposalNotDecidable', { receipt: proposal.receiptNumber ?? proposal.title }, 'decisions');
}

/** Every decision's subject and every action's owner must exist. */
async function assertReferencesExist(tx: Repositories, decisions: readonly MeetingDecision[]): Promise<void> {
  const units = new Set((await tx.units.list()).map((unit) => unit.id));
  for (const decision of decisions) {
    const subject = decision.subject;
    if (subject.kind === 'proposal') {
      const proposal = await tx.proposals.get(subject.proposalId);
      if (!proposal) throw new DomainError('minutes.unknownSubject', {}, 'decisions');
      assertDecidable(proposal, subject.outcome);
    }
    if (subject.kind === 'pt' && !(await tx.projectTeams.get(subject.ptId))) throw new DomainError('minutes.unknownSubject', {}, 'decisions');
    for (const action of decision.actions) {
      const known = action.owner.kind === 'staff' ? (await tx.staff.get(action.owner.staffId))?.active === true : units.has(action.owner.unitId);
      if (!known) throw new DomainError('minutes.unknownOwner', {}, 'actions');
    }
  }
}

/**
 * The secretariat records (or corrects) the minutes of a held meeting: attendance, a summary per
 * agenda item, decisions and the action items they ask for. Refused once the minutes are confirmed.
 */
export async function saveMinutes(ctx: UseCaseContext, recorder: Staff, meetingId: string, content: MinutesContent): Promise<Minutes> {
  return ctx.store.transaction(async (tx) => {
    const { meeting, body, expected } = await meetingScope(tx, meetingId);
    if (!isSecretariatOf(body, recorder)) throw new DomainError('minutes.notAllowedToRecord');
    const now = ctx.clock.now();
    assertMinutesMayBeWritten(meeting, now);
    const before = await tx.minutes.get(meetingId);
    if (before) assertDraft(before);
    validateMinutesContent(content, meeting, new Set(expected.map((person) => person.id)));
    await assertReferencesExist(tx, content.decisions);
    const minutes: Minutes = { meetingId, bodyId: body.id, status: 'draft', ...content, updatedAt: now, updatedByStaffId: recorder.id };
    await tx.minutes.save(minutes);
    await tx.audit.record({
      entityType: 'minutes',
      entityId: meetingId,
      action: before ? 'update' : 'record',
      actorStaffId: recorder.id,
      at: now,
      before,
      after: minutes,
    });
    return minutes;
  });
}

/**
 * Who presided as the minutes record it: the chair if present, else the guideline's deputy
 * (acting-chair rules of `whoPresides`), counting a post as present when it was not recorded
 * absent (事故) at the meeting's start and one of its holders is marked present.
 */
export async function presidingOfficer(tx: Repositories, meeting: Meeting, body: Body, minutes: Minutes): Promise<PresidingResult> {
  const present = new Set(minutes.attendance.filter((record) => record.mark === 'present').map((record) => record.staffId));
  const absences = await tx.postAbsences.list();
  const holders = await tx.staff.list();
  return whoPresides(
    body,
    (postId) =>
      !isPostAbsentAt(absences, postId, meeting.startsAt) && holders.some((person) => person.active && person.postId === postId && present.has(person.id)),
  );
}

/** What confirming did besides freezing the minutes. */
export interface Confirmation {
  readonly minutes: Minutes;
  /** Proposals whose review outcome the decisions set (each once). */
  readonly decidedProposalIds: readonly string[];
  readonly actionItems: readonly ActionItem[];
}

/**
 * The chair who presided (or whoever acted for the chair) confirms the minutes. They become
 * read-only; each decision on a proposal sets its review outcome (once: a proposal already so
 * decided is left alone) and the proposer is told, as a review decision tells them; each planned
 * action becomes a tracked action item. Confirming confirmed minutes changes nothing.
 */
export async function confirmMinutes(ctx: UseCaseContext, confirmer: Staff, meetingId: string): Promise<Confirmation> {
  return ctx.store.transaction(async (tx) => {
    const { meeting, body } = await meetingScope(tx, meetingId);
    const draft = await tx.minutes.get(meetingId);
    if (!draft) throw new DomainError('minutes.notFound');
    const presiding = await presidingOfficer(tx, meeting, body, draft);
    if (presiding.basis === 'none' || !presiding.postId) throw new DomainError('minutes.nobodyPresided');
    if (confirmer.postId !== presiding.postId) throw new DomainError('minutes.notAllowedToConfirm');
    if (draft.status === 'confirmed') {
      return { minutes: draft, decidedProposalIds: [], actionItems: await tx.actionItems.list({ meetingId }) };
    }
    const now = ctx.clock.now();
    const minutes: Minutes = { ...draft, status: 'confirmed', confirmedAt: now, confirmedByStaffId: confirmer.id };
    await tx.minutes.save(minutes);
    await tx.audit.record({
      entityType: 'minutes',
      entityId: meetingId,
      action: 'confirm',
      actorStaffId: confirmer.id,
      at: now,
      before: draft,
      after: minutes,
    });

    const decidedProposalIds: string[] = [];
    for (const decision of minutes.decisions) {
      if (decision.subject.kind !== 'proposal') continue;
      const proposal = await tx.proposals.get(decision.subject.proposalId);
      if (!proposal || proposal.state === decision.subject.outcome) continue;
      // Decided or withdrawn since the minutes were saved: confirming must not overrule it silently.
      assertDecidable(proposal, decision.subject.outcome);
      const inReview = proposal.state === 'submitted' ? startReview(proposal, now) : proposal;
      const decided = decide(inReview, decision.subject.outcome, decision.text, now);
      await tx.proposals.update(decided);
      await tx.audit.record({
        entityType: 'proposal',
        entityId: decided.id,
        action: 'decide',
        actorStaffId: confirmer.id,
        at: now,
        before: proposal,
        after: { ...decided, byMinutesOf: meetingId },
      });
      await notifyPerson(ctx, tx, decided.authorStaffId, { type: 'proposalDecision', proposalId: decided.id });
      decidedProposalIds.push(decided.id);
    }

    const items: ActionItem[] = minutes.decisions.flatMap((decision) =>
      decision.actions.map((action, index) => ({
        id: `${meetingId}:${decision.id}:${index}`,
        meetingId,
        bodyId: body.id,
        decisionId: decision.id,
        title: action.title.trim(),
        owner: action.owner,
        dueOn: action.dueOn,
        status: 'open' as const,
        createdAt: now,
      })),
    );
    await tx.actionItems.insertNew(items);
    return { minutes, decidedProposalIds, actionItems: items };
  });
}

/** Marks an action item done with a note: its owner (a member of the owning unit) or the body's secretariat. */
export async function completeAction(ctx: UseCaseContext, staff: Staff, actionId: string, note: string): Promise<ActionItem> {
  return ctx.store.transaction(async (tx) => {
    const item = await tx.actionItems.get(actionId);
    if (!item) throw new DomainError('action.notFound');
    const body = await tx.bodies.get(item.bodyId);
    if (!isOwnedBy(item, staff) && !(body && isSecretariatOf(body, staff))) throw new DomainError('action.notOwner');
    const now = ctx.clock.now();
    const done = completeActionItem(item, staff.id, note, now);
    if (done === item) return item;
    await tx.actionItems.update(done);
    await tx.audit.record({ entityType: 'actionItem', entityId: item.id, action: 'complete', actorStaffId: staff.id, at: now, before: item, after: done });
    return done;
  });
}

/** The open action items that are this person's (theirs or their unit's), by due date. */
export async function myOpenActionItems(ctx: UseCaseContext, staff: Staff): Promise<ActionItem[]> {
  return (await ctx.store.repositories.actionItems.list({ status: 'open' })).filter((item) => isOwnedBy(item, staff));
}

/** Overdue action items of the bodies whose secretariat this person is in (all for an admin). */
export async function overdueActionItems(ctx: UseCaseContext, staff: Staff): Promise<ActionItem[]> {
  const repos = ctx.store.repositories;
  const bodies = await repos.bodies.list();
  const followed = new Set(bodies.filter((body) => staff.appRoles.includes('admin') || isSecretariatOf(body, staff)).map((body) => body.id));
  const today = jstDateOf(ctx.clock.now());
  return (await repos.actionItems.list({ status: 'open' })).filter((item) => followed.has(item.bodyId) && isOverdue(item, today));
}

/** A confirmed decision that concerns a PT, with the meeting that took it. */
export interface PtDecision {
  readonly meetingId: string;
  readonly bodyId: string;
  readonly decision: MeetingDecision;
}

/** Decisions in confirmed minutes that concern this PT (its direction, a report asked of it), oldest first. */
export async function decisionsConcerningPt(ctx: UseCaseContext, ptId: string): Promise<PtDecision[]> {
  const repos = ctx.store.repositories;
  const confirmed = await repos.minutes.list({ status: 'confirmed' });
  const meetings = new Map((await Promise.all(confirmed.map((minutes) => repos.meetings.get(minutes.meetingId)))).flatMap((m) => (m ? [[m.id, m]] : [])));
  return confirmed
    .flatMap((minutes) =>
      minutes.decisions
        .filter((decision) => decision.subject.kind === 'pt' && decision.subject.ptId === ptId)
        .map((decision) => ({ meetingId: minutes.meetingId, bodyId: minutes.bodyId, decision })),
    )
    .sort((a, b) => (meetings.get(a.meetingId)?.startsAt.getTime() ?? 0) - (meetings.get(b.meetingId)?.startsAt.getTime() ?? 0));
}
