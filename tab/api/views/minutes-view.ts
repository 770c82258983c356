import type { Body } from '../../../shared/bodies/body.js';
import type { Meeting } from '../../../shared/meetings/meeting.js';
import { isOverdue, type ActionItem } from '../../../shared/minutes/action-item.js';
import type { ActionOwner, DecisionSubject, Minutes } from '../../../shared/minutes/minutes.js';
import type { Post } from '../../../shared/organisation/post.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import type { Unit } from '../../../shared/organisation/unit.js';
import { displayItemNumbers, type ProjectTeam } from '../../../shared/plan/project-team.js';
import type { Proposal } from '../../../shared/proposals/proposal.js';
import type { Repositories } from '../../../shared/ports/store.js';
import type { IsoDate } from '../../../shared/time/index.js';
import type { ActionItemDto, MinutesChoicesDto, MinutesDto } from '../../web/models/api-contract.js';

/** The names the minutes refer to by id: people, posts, units, proposals and PTs. */
export interface MinutesNames {
  readonly staff: ReadonlyMap<string, Staff>;
  readonly posts: ReadonlyMap<string, Post>;
  readonly units: ReadonlyMap<string, Unit>;
  readonly proposals: ReadonlyMap<string, Proposal>;
  readonly teams: ReadonlyMap<string, ProjectTeam>;
}

export const proposalName = (proposal: Proposal): string => [proposal.receiptNumber, proposal.title].filter(Boolean).join(' ');
export const teamName = (team: ProjectTeam): string => `${displayItemNumbers(team)} ${team.title}`;

export function ownerName(owner: ActionOwner, names: Pick<MinutesNames, 'staff' | 'units'>): string {
  return owner.kind === 'staff' ? (names.staff.get(owner.staffId)?.displayName ?? owner.staffId) : (names.units.get(owner.unitId)?.name ?? owner.unitId);
}

function subjectName(subject: DecisionSubject, names: MinutesNames): string | undefined {
  if (subject.kind === 'proposal') {
    const proposal = names.proposals.get(subject.proposalId);
    return proposal ? proposalName(proposal) : subject.proposalId;
  }
  if (subject.kind === 'pt') {
    const team = names.teams.get(subject.ptId);
    return team ? teamName(team) : subject.ptId;
  }
  return undefined;
}

/**
 * Minutes as the meeting page shows them: each attendance line with the person's name and post
 * (or unit), every agenda item with its summary, decisions with what they concern, and action
 * items with their owners' names.
 */
export function presentMinutes(input: {
  minutes: Minutes;
  meeting: Meeting;
  saved: boolean;
  names: MinutesNames;
  mayEdit: boolean;
  mayConfirm: boolean;
  choices?: MinutesChoicesDto | undefined;
}): MinutesDto {
  const { minutes, meeting, names } = input;
  const nameOf = (staffId: string) => names.staff.get(staffId)?.displayName ?? staffId;
  const present = new Set(minutes.guestsPresent);
  const summaries = new Map(minutes.summaries.map((summary) => [summary.agendaIndex, summary.summary]));
  return {
    meetingId: minutes.meetingId,
    status: minutes.status,
    saved: input.saved,
    mayEdit: input.mayEdit,
    mayConfirm: input.mayConfirm,
    attendance: minutes.attendance.map((record) => {
      const person = names.staff.get(record.staffId);
      const post = person?.postId ? names.posts.get(person.postId) : undefined;
      const unit = person?.unitId ? names.units.get(person.unitId) : undefined;
      return {
        staffId: record.staffId,
        displayName: nameOf(record.staffId),
        postTitle: post?.title ?? unit?.name,
        mark: record.mark,
        proxyName: record.proxyName,
      };
    }),
    guests: meeting.guests.map((guest) => ({ name: guest.name, present: present.has(guest.name) })),
    agenda: meeting.agenda.map((item, index) => ({ index, title: item.title, summary: summaries.get(index) ?? '' })),
    decisions: minutes.decisions.map((decision) => ({
      id: decision.id,
      agendaIndex: decision.agendaIndex,
      text: decision.text,
      subject: decision.subject,
      subjectName: subjectName(decision.subject, names),
      actions: decision.actions.map((action) => ({ title: action.title, owner: action.owner, ownerName: ownerName(action.owner, names), dueOn: action.dueOn })),
    })),
    updatedAt: minutes.updatedAt.toISOString(),
    updatedByName: nameOf(minutes.updatedByStaffId),
    confirmedAt: minutes.confirmedAt?.toISOString(),
    confirmedByName: minutes.confirmedByStaffId ? nameOf(minutes.confirmedByStaffId) : undefined,
    ...(input.choices ? { choices: input.choices } : {}),
  };
}

/** An action item with its owner's name and the meeting whose decision asked for it. */
export function presentActionItem(
  item: ActionItem,
  context: { meeting?: Meeting | undefined; body?: Body | undefined; names: Pick<MinutesNames, 'staff' | 'units'>; today: IsoDate },
): ActionItemDto {
  return {
    id: item.id,
    title: item.title,
    dueOn: item.dueOn,
    status: item.status,
    overdue: isOverdue(item, context.today),
    ownerName: ownerName(item.owner, context.names),
    meetingId: item.meetingId,
    bodyName: context.body?.name ?? item.bodyId,
    bodyNameEn: context.body?.nameEn ?? item.bodyId,
    ordinal: context.meeting?.ordinal ?? 0,
    doneAt: item.doneAt?.toISOString(),
    doneNote: item.doneNote,
  };
}

/** Action items as the dashboard and `GET /api/v1/action-items/mine` list them, with their meetings looked up once. */
export async function presentActionItems(repos: Repositories, items: readonly ActionItem[], today: IsoDate): Promise<ActionItemDto[]> {
  if (items.length === 0) return [];
  const meetingIds = [...new Set(items.map((item) => item.meetingId))];
  const [meetings, bodies, staff, units] = await Promise.all([
    Promise.all(meetingIds.map((id) => repos.meetings.get(id))),
    repos.bodies.list(),
    repos.staff.list(),
    repos.units.list(),
  ]);
  const meetingById = new Map(meetings.flatMap((meeting) => (meeting ? [[meeting.id, meeting]] : [])));
  const bodyById = new Map(bodies.map((body) => [body.id, body]));
  const names = { staff: new Map(staff.map((person) => [person.id, person])), units: new Map(units.map((unit) => [unit.id, unit])) };
  return items.map((item) => presentActionItem(item, { meeting: meetingById.get(item.meetingId), body: bodyById.get(item.bodyId), names, today }));
}
