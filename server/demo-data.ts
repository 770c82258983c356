import type { ProposalCall } from '../shared/calls/proposal-call.js';
import { DEFAULT_REMINDER_POLICY } from '../shared/calls/proposal-call.js';
import type { Meeting } from '../shared/meetings/meeting.js';
import type { RecruitmentProject } from '../shared/recruitment/recruitment.js';
import { addDays, deadlineFromDate, fiscalYearOf, instantAtJst, jstDateOf } from '../shared/time/index.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';

/** Ids of the demo items, fixed so a restart refreshes them instead of adding more. */
export const DEMO_IDS = {
  call: 'demo-call-open-now',
  hqMeeting: 'demo-meeting-hq',
  councilMeeting: 'demo-meeting-council',
  recruitment: 'demo-recruitment',
} as const;

/**
 * Adds (or, once their dates have passed, re-dates) clearly marked demo items relative to today:
 * an open call closing in about ten days, an HQ and a council meeting in the coming weeks, and an
 * open proposal-based PT recruitment. Returns the ids it wrote.
 */
export async function ensureDemoItems(ctx: UseCaseContext): Promise<string[]> {
  const now = ctx.clock.now();
  const today = jstDateOf(now);
  const fiscalYear = fiscalYearOf(now);
  const repos = ctx.store.repositories;
  const written: string[] = [];

  const call = await repos.calls.get(DEMO_IDS.call);
  if (!call || call.tracks.every((track) => track.closesAt <= now)) {
    await repos.calls.upsert(demoCall(today, fiscalYear));
    written.push(DEMO_IDS.call);
  }

  const progressPt = await repos.projectTeams.findByItemKey('1-4');
  for (const [id, bodyId, inDays, hour, status] of [
    [DEMO_IDS.hqMeeting, 'hq', 14, 10, 'convened'],
    [DEMO_IDS.councilMeeting, 'council', 7, 15, 'planned'],
  ] as const) {
    const existing = await repos.meetings.get(id);
    if (existing && existing.startsAt > now) continue;
    const startsAt = instantAtJst(addDays(today, inDays), hour, 0);
    const meeting: Meeting = {
      id,
      bodyId,
      ordinal: existing?.ordinal ?? (await repos.meetings.nextOrdinal(bodyId, fiscalYear)),
      fiscalYear,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * 60 * 1000),
      place: bodyId === 'hq' ? '【デモ】本庁舎 第1委員会室' : '【デモ】政策企画課 会議室',
      agenda: [
        { title: '【デモ】新規取組み項目の提案状況', kind: 'general' },
        ...(progressPt ? [{ title: `【デモ】${progressPt.title} 進捗報告`, kind: 'ptProgress' as const, ptId: progressPt.id }] : []),
      ],
      guests: [],
      status,
      convenedAt: status === 'convened' ? now : undefined,
      history: existing?.history ?? [],
      demo: true,
    };
    await (existing ? repos.meetings.update(meeting) : repos.meetings.insert(meeting));
    written.push(id);
  }

  const project = await repos.recruitment.getProject(DEMO_IDS.recruitment);
  if (!project || project.closesAt <= now) {
    await repos.recruitment.upsertProject(demoRecruitment(today, fiscalYear));
    written.push(DEMO_IDS.recruitment);
  }
  return written;
}

function demoCall(today: string, fiscalYear: number): ProposalCall {
  const individualDeadline = addDays(today, 7);
  const departmentDeadline = addDays(today, 10);
  return {
    id: DEMO_IDS.call,
    kind: 'newInitiative',
    fiscalYear,
    title: '【デモ】新規取組み項目の提案募集',
    opensAt: instantAtJst(addDays(today, -7), 9, 0),
    tracks: [
      { kind: 'department', channel: 'surveyForm', deadlineDate: departmentDeadline, closesAt: deadlineFromDate(departmentDeadline) },
      { kind: 'individual', channel: 'staffProposalSystem', deadlineDate: individualDeadline, closesAt: deadlineFromDate(individualDeadline) },
    ],
    formFields: ['title', 'summary', 'relatedItem', 'expectedEffect'],
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    status: 'published',
    demo: true,
  };
}

function demoRecruitment(today: string, fiscalYear: number): RecruitmentProject {
  return {
    id: DEMO_IDS.recruitment,
    fiscalYear,
    title: '【デモ】窓口手続きのオンライン化プロジェクト',
    description: '【デモ】複数の所管課にまたがる窓口手続きを、職員の柔軟な発想で見直します。',
    perspective: 'crossCutting',
    opensAt: instantAtJst(addDays(today, -3), 9, 0),
    closesAt: deadlineFromDate(addDays(today, 10)),
    status: 'recruiting',
    demo: true,
  };
}
