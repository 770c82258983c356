import { isSecretariatOf } from '../bodies/convene-permission.js';
import type { Body } from '../bodies/body.js';
import type { ProposalCall } from '../calls/proposal-call.js';
import { DomainError } from '../domain-error.js';
import { INDIVIDUAL_PROPOSER_LABEL, PROPOSAL_STATE_LABELS, ROSTER_ROLE_LABELS, RSVP_LABELS, rosterRoleLabel } from '../i18n/labels.js';
import { expectedAttendees } from '../meetings/attendance-tally.js';
import type { AgendaItem, Meeting } from '../meetings/meeting.js';
import type { Rsvp } from '../meetings/rsvp.js';
import type { Staff } from '../organisation/staff.js';
import { displayItemNumbers, type ProgressReport, type ProjectTeam } from '../plan/project-team.js';
import type { Repositories } from '../ports/store.js';
import type { ProposalState } from '../proposals/proposal.js';
import { foldText } from '../text/normalise.js';
import { formatFiscalYear, formatTimeRange, formatWarekiDate, formatWarekiDateTime, jstDateOf } from '../time/index.js';
import type { UseCaseContext } from './context.js';

/** One PT's latest progress report as the materials print it, under the four programme headings. */
export interface MaterialsProgressReport {
  readonly structure: string;
  readonly schedule: string;
  readonly progress: string;
  readonly issues: string;
  /** `令和6年5月20日（月）`: when it was recorded. */
  readonly reportedOn: string;
  /** False when the newest report was given for another meeting (the PT has not reported for this one yet). */
  readonly forThisMeeting: boolean;
}

/** One proposal of a call, as the meeting sees it: no author's name, only where it comes from. */
export interface MaterialsProposal {
  readonly receiptNumber: string;
  readonly title: string;
  /** The department (department track), or 職員個人 with the author's section (individual track). */
  readonly origin: string;
  /** The related plan item as folded (`2-24`), or empty. */
  readonly relatedItem: string;
  readonly state: string;
}

export interface MaterialsCall {
  readonly title: string;
  readonly proposals: readonly MaterialsProposal[];
}

/** An agenda item numbered as issued (議題1, 議題2 …), with what the materials attach to it. */
export type MaterialsAgendaItem =
  | { readonly number: number; readonly kind: 'general'; readonly title: string }
  | {
      readonly number: number;
      readonly kind: 'ptProgress';
      readonly title: string;
      /** `1-4 行政手続きのデジタル化`, when the PT still exists. */
      readonly ptName?: string | undefined;
      /** Absent when the PT has reported nothing yet: the document says 進捗報告なし. */
      readonly report?: MaterialsProgressReport | undefined;
    }
  | { readonly number: number; readonly kind: 'proposals'; readonly title: string; readonly calls: readonly MaterialsCall[] };

/** One expected attendee (or a vacant roster post) with their answer. */
export interface MaterialsAttendee {
  /** 本部長, 副本部長, 司会, 事務局, メンバー … */
  readonly role: string;
  /** The post (区長) for roster bodies, or the unit (ＤＸ推進担当課) for those who attend by unit. */
  readonly position: string;
  /** The holder's name, or 欠員 for a vacant post. */
  readonly name: string;
  /** 出席 / 欠席 / 代理出席（name） / 未回答; empty for a vacant post. */
  readonly answer: string;
}

/**
 * The meeting materials pack (会議資料) as plain data, every text already in Japanese and Japan
 * time, so any renderer (Word, a preview) only lays it out. The document is Japanese whatever the
 * reader's UI language: it is the ward's paper for the meeting.
 */
/** An action item of an earlier meeting of the body, still open: the next meeting's papers list it. */
export interface MaterialsOpenAction {
  readonly title: string;
  readonly owner: string;
  readonly dueOn: string;
  /** The meeting that asked for it, e.g. 第2回. */
  readonly from: string;
}

export interface MeetingMaterials {
  readonly meetingId: string;
  readonly bodyName: string;
  readonly bodyShortName: string;
  /** `令和6年度`. */
  readonly fiscalYear: string;
  /** `第2回`. */
  readonly ordinal: string;
  /** `令和6年度 第2回 新たな行政経営への移行実現推進本部`. */
  readonly title: string;
  /** `令和6年5月24日（金）10:00〜11:00`. */
  readonly when: string;
  readonly place?: string | undefined;
  readonly onlineUrl?: string | undefined;
  readonly agenda: readonly MaterialsAgendaItem[];
  readonly attendees: readonly MaterialsAttendee[];
  readonly guests: readonly { readonly name: string; readonly affiliation?: string | undefined }[];
  /** Open action items (宿題) from the body's earlier meetings, by due date. */
  readonly openActions: readonly MaterialsOpenAction[];
  /** The instant the pack was made (the document's properties carry it). */
  readonly generatedAt: Date;
  /** `令和6年5月10日（金）10:00 作成`. */
  readonly generatedNote: string;
  /** `会議資料_本部_第2回_2024-05-24.docx` without the extension. */
  readonly fileStem: string;
}

/** States a meeting's proposal list shows: drafts are still their author's. */
const LISTED_STATES: readonly ProposalState[] = ['submitted', 'underReview', 'acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected', 'withdrawn'];

/**
 * Who may download a meeting's materials: the secretariat of the meeting's body (庶務 of HQ and
 * the council, a PT's 事務局) — the same people who prepare its convocation — and administrators.
 * Not members as such: the pack carries every answer and the proposals under review.
 */
export function mayPrepareMaterials(body: Body, staff: Staff): boolean {
  return isSecretariatOf(body, staff) || staff.appRoles.includes('admin');
}

/** Materials exist for a meeting that has been called: convened, or already held. */
export function hasMaterials(meeting: Pick<Meeting, 'status'>): boolean {
  return meeting.status === 'convened' || meeting.status === 'held';
}

/**
 * Whether an agenda item is about the proposal calls. Agenda items carry no call id, so the
 * title decides: a general item that speaks of 提案 (`新規取組み項目の提案状況`, `提案募集の結果`).
 */
export function isProposalAgendaItem(item: AgendaItem): boolean {
  return item.kind === 'general' && foldText(item.title).includes('提案');
}

/**
 * The calls a proposal item is about: those the title names, else every published call of the
 * meeting's fiscal year (a title such as 提案状況 means this year's calls).
 */
export function callsOfAgendaItem(item: AgendaItem, calls: readonly ProposalCall[], fiscalYear: number): ProposalCall[] {
  const title = foldText(item.title);
  const named = calls.filter((call) => title.includes(foldText(call.title)));
  if (named.length) return named;
  return calls.filter((call) => call.fiscalYear === fiscalYear && call.status === 'published');
}

/** The report the materials print: the newest given for this meeting, else the PT's newest of all. */
export function latestReportFor(reports: readonly ProgressReport[], meetingId: string): ProgressReport | undefined {
  const newest = (list: readonly ProgressReport[]) => [...list].sort((a, b) => b.reportedAt.getTime() - a.reportedAt.getTime())[0];
  return newest(reports.filter((report) => report.meetingId === meetingId)) ?? newest(reports);
}

function answerText(rsvp: Rsvp | undefined): string {
  if (!rsvp) return '未回答';
  const label = RSVP_LABELS[rsvp.response].ja;
  return rsvp.response === 'proxy' && rsvp.proxyName ? `${label}（${rsvp.proxyName}）` : label;
}

/**
 * The roster in its order (a vacant post keeps its line, so the paper shows the gap), then the
 * others expected by unit: the secretariat, and a PT's member units.
 */
function attendanceList(
  body: Body,
  expected: readonly Staff[],
  rsvps: readonly Rsvp[],
  lookups: { postTitle: (id: string) => string; unitName: (id: string | undefined) => string },
): MaterialsAttendee[] {
  const rsvpOf = new Map(rsvps.map((rsvp) => [rsvp.staffId, rsvp]));
  const listed = new Set<string>();
  const lines: MaterialsAttendee[] = [];
  for (const entry of body.roster) {
    const role = rosterRoleLabel(body.kind, entry, 'ja');
    const holders = expected.filter((person) => person.postId === entry.postId);
    if (holders.length === 0) lines.push({ role, position: lookups.postTitle(entry.postId), name: '（欠員）', answer: '' });
    for (const holder of holders) {
      listed.add(holder.id);
      lines.push({ role, position: lookups.postTitle(entry.postId), name: holder.displayName, answer: answerText(rsvpOf.get(holder.id)) });
    }
  }
  const others = expected
    .filter((person) => !listed.has(person.id))
    .map((person) => ({ person, secretariat: isSecretariatOf(body, person) }))
    // The secretariat first, then by unit, so a PT's member sections stay together.
    .sort((a, b) => Number(b.secretariat) - Number(a.secretariat) || lookups.unitName(a.person.unitId).localeCompare(lookups.unitName(b.person.unitId), 'ja'));
  for (const { person, secretariat } of others) {
    lines.push({
      role: secretariat ? '事務局' : ROSTER_ROLE_LABELS[body.kind].member.ja,
      position: lookups.unitName(person.unitId),
      name: person.displayName,
      answer: answerText(rsvpOf.get(person.id)),
    });
  }
  return lines;
}

async function agendaWithAttachments(repos: Repositories, meeting: Meeting, teams: ReadonlyMap<string, ProjectTeam>): Promise<MaterialsAgendaItem[]> {
  const needsCalls = meeting.agenda.some(isProposalAgendaItem);
  const [calls, proposals, units, staff] = needsCalls
    ? await Promise.all([repos.calls.list(), repos.proposals.list({ states: LISTED_STATES }), repos.units.list(), repos.staff.list()])
    : [[], [], [], []];
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const staffById = new Map(staff.map((person) => [person.id, person]));
  const items: MaterialsAgendaItem[] = [];
  for (const [index, item] of meeting.agenda.entries()) {
    const number = index + 1;
    if (item.kind === 'ptProgress') {
      const team = item.ptId ? teams.get(item.ptId) : undefined;
      const ptName = team ? `${displayItemNumbers(team)} ${team.title}` : undefined;
      const report = item.ptId ? latestReportFor(await repos.projectTeams.listProgressReports(item.ptId), meeting.id) : undefined;
      items.push({
        number,
        kind: 'ptProgress',
        title: item.title,
        ptName,
        report: report && {
          structure: report.structure,
          schedule: report.schedule,
          progress: report.progress,
          issues: report.issues,
          reportedOn: formatWarekiDate(report.reportedAt),
          forThisMeeting: report.meetingId === meeting.id,
        },
      });
    } else if (isProposalAgendaItem(item)) {
      const listed = callsOfAgendaItem(item, calls, meeting.fiscalYear).map((call) => ({
        title: call.title,
        proposals: proposals
          .filter((proposal) => proposal.callId === call.id)
          .sort((a, b) => (a.receiptNumber ?? '').localeCompare(b.receiptNumber ?? ''))
          .map((proposal) => {
            const authorUnit = unitName.get(staffById.get(proposal.authorStaffId)?.unitId ?? '');
            const origin =
              proposal.track === 'department'
                ? (unitName.get(proposal.departmentUnitId ?? '') ?? '')
                : `${INDIVIDUAL_PROPOSER_LABEL.ja}${authorUnit ? `（${authorUnit}）` : ''}`;
            return {
              receiptNumber: proposal.receiptNumber ?? '',
              title: proposal.title,
              origin,
              relatedItem: proposal.relatedItemKey ?? '',
              state: PROPOSAL_STATE_LABELS[proposal.state].ja,
            };
          }),
      }));
      items.push({ number, kind: 'proposals', title: item.title, calls: listed });
    } else {
      items.push({ number, kind: 'general', title: item.title });
    }
  }
  return items;
}

/**
 * Builds the materials pack of a meeting for `actor`: the cover (body, 第n回, date, time and place
 * in 令和 and Japan time), the agenda as issued with each PT's latest progress report and each
 * proposal item's list, the expected attendees with their answers, and the guests.
 * Refuses with `meeting.notFound` (also for a draft the actor may not see), `materials.notAllowed`
 * for anyone but the body's secretariat and administrators, and `materials.notConvened` before
 * the convocation is issued or after it is cancelled.
 */
export async function buildMeetingMaterials(ctx: UseCaseContext, actor: Staff, meetingId: string): Promise<MeetingMaterials> {
  const repos = ctx.store.repositories;
  const meeting = await repos.meetings.get(meetingId);
  const body = meeting ? await repos.bodies.get(meeting.bodyId) : undefined;
  if (!meeting || !body) throw new DomainError('meeting.notFound');
  if (!mayPrepareMaterials(body, actor)) {
    // A draft convocation is not shown to those who neither prepare nor issue it; it stays unknown.
    if (meeting.status === 'prepared') throw new DomainError('meeting.notFound');
    throw new DomainError('materials.notAllowed', { body: body.shortName });
  }
  if (!hasMaterials(meeting)) throw new DomainError('materials.notConvened');

  const [posts, units, staff, rsvps, teamList] = await Promise.all([
    repos.posts.list(),
    repos.units.list(),
    repos.staff.list(),
    repos.meetings.listRsvps(meeting.id),
    repos.projectTeams.list(),
  ]);
  const postTitle = new Map(posts.map((post) => [post.id, post.title]));
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const teams = new Map(teamList.map((team) => [team.id, team]));
  const team = body.kind === 'pt' ? teamList.find((candidate) => candidate.bodyId === body.id) : undefined;
  const attendees = attendanceList(body, expectedAttendees(body, staff, team), rsvps, {
    postTitle: (id) => postTitle.get(id) ?? id,
    unitName: (id) => (id ? (unitName.get(id) ?? id) : ''),
  });

  const earlier = new Map(
    (await repos.meetings.list({ bodyId: body.id })).filter((other) => other.startsAt < meeting.startsAt).map((other) => [other.id, other]),
  );
  const staffName = new Map(staff.map((person) => [person.id, person.displayName]));
  const openActions = (await repos.actionItems.list({ bodyId: body.id, status: 'open' }))
    .filter((item) => earlier.has(item.meetingId))
    .map((item) => ({
      title: item.title,
      owner: item.owner.kind === 'unit' ? (unitName.get(item.owner.unitId) ?? item.owner.unitId) : (staffName.get(item.owner.staffId) ?? item.owner.staffId),
      dueOn: formatWarekiDate(item.dueOn),
      from: `${formatFiscalYear(earlier.get(item.meetingId)!.fiscalYear, 'ja')} 第${earlier.get(item.meetingId)!.ordinal}回`,
    }));

  const fiscalYear = formatFiscalYear(meeting.fiscalYear, 'ja');
  const ordinal = `第${meeting.ordinal}回`;
  const now = ctx.clock.now();
  return {
    meetingId: meeting.id,
    bodyName: body.name,
    bodyShortName: body.shortName,
    fiscalYear,
    ordinal,
    title: `${fiscalYear} ${ordinal} ${body.name}`,
    when: formatTimeRange(meeting.startsAt, meeting.endsAt, 'ja'),
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    agenda: await agendaWithAttachments(repos, meeting, teams),
    attendees,
    guests: meeting.guests.map((guest) => ({ name: guest.name, affiliation: guest.affiliation })),
    openActions,
    generatedAt: now,
    generatedNote: `${formatWarekiDateTime(now)} 作成`,
    fileStem: `会議資料_${body.shortName}_${ordinal}_${jstDateOf(meeting.startsAt)}`,
  };
}
