/**
 * A meeting worth a materials pack: HQ's 第3回 with two PT progress items (one PT has reported, the
 * other not), the proposals item and a general one; answers of every kind; proposals with plan
 * items such as `2-24` that a spreadsheet would take for dates. No vitest import, so the bench can
 * use it too.
 */
import { answerRsvp, conveneMeeting, prepareConvocation } from '../../../shared/use-cases/meeting-convocation.js';
import { submitProposal } from '../../../shared/use-cases/proposal-submission.js';
import { addProgressReport } from '../../../shared/use-cases/pt-progress.js';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import { CALL, HQ_MEETING, STAFF } from './tab-seed.js';

export const MATERIALS_MEETING_ID = 'hq-2024-3';
export const PT_MEETING_ID = 'pt-1-4-2024-1';
export const DRAFT_MEETING_ID = 'hq-2024-draft';

/** The agenda as the chair issues it, in this order. */
export const MATERIALS_AGENDA = [
  { title: '1-4 行政手続きのデジタル化 進捗報告', kind: 'ptProgress', ptId: 'pt-1-4' },
  { title: '1‐24 三層構造の見直し 進捗報告', kind: 'ptProgress', ptId: 'pt-1-24' },
  { title: '新規取組み項目の提案状況', kind: 'general' },
  { title: 'その他（今後の日程）', kind: 'general' },
] as const;

/** What pt-1-4's secretariat reports for the meeting, with a line break the document must keep. */
export const PT_REPORT = {
  structure: 'ＤＸ推進担当課を事務局に、財政課ほか3課で構成',
  schedule: '7月に中間報告、9月に区民向け手続きの試行',
  progress: '申請手続き320件の棚卸しを完了。\nオンライン化の優先順位を決定',
  issues: '所管課の人員不足（特に窓口繁忙期）',
} as const;

export const PROPOSALS = [
  { proposalId: 'mat-1', author: STAFF.author, title: '窓口予約のオンライン化', relatedItem: '2-24' },
  { proposalId: 'mat-2', author: STAFF.outsider, title: '問い合わせ対応のチャットボット化', relatedItem: '１‐４' },
] as const;

export async function seedMaterials(ctx: UseCaseContext): Promise<void> {
  await addProgressReport(ctx, STAFF.ptSecretary, {
    reportId: 'mat-report-old',
    meetingId: HQ_MEETING.id,
    ptId: 'pt-1-4',
    ...PT_REPORT,
    progress: '前回の報告',
  });
  await conveneMeeting(ctx, STAFF.mayor, {
    meetingId: MATERIALS_MEETING_ID,
    bodyId: 'hq',
    startsAt: new Date('2024-07-19T10:00:00+09:00'),
    endsAt: new Date('2024-07-19T11:30:00+09:00'),
    place: '第1委員会室',
    agenda: MATERIALS_AGENDA,
    guests: [{ name: '外部 有識者', affiliation: '○○大学' }],
  });
  await addProgressReport(ctx, STAFF.ptSecretary, { reportId: 'mat-report', meetingId: MATERIALS_MEETING_ID, ptId: 'pt-1-4', ...PT_REPORT });
  await answerRsvp(ctx, STAFF.mayor, { meetingId: MATERIALS_MEETING_ID, response: 'attend' });
  await answerRsvp(ctx, STAFF.deputy1, { meetingId: MATERIALS_MEETING_ID, response: 'absent' });
  await answerRsvp(ctx, STAFF.planningChief, { meetingId: MATERIALS_MEETING_ID, response: 'proxy', proxyName: '企画 係長' });
  for (const { author, ...input } of PROPOSALS) {
    await submitProposal(ctx, author, { ...input, callId: CALL.id, track: 'individual', summary: '概要', expectedEffect: '効果' });
  }
  await conveneMeeting(ctx, STAFF.ptSecretary, {
    meetingId: PT_MEETING_ID,
    bodyId: 'body-pt-1-4',
    startsAt: new Date('2024-06-03T14:00:00+09:00'),
    endsAt: new Date('2024-06-03T15:00:00+09:00'),
    agenda: [{ title: '棚卸し結果の共有', kind: 'general' }],
  });
  await prepareConvocation(ctx, STAFF.secretary, {
    meetingId: DRAFT_MEETING_ID,
    bodyId: 'hq',
    startsAt: new Date('2024-09-20T10:00:00+09:00'),
    endsAt: new Date('2024-09-20T11:00:00+09:00'),
  });
}
