import AdmZip from 'adm-zip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMaterialsDocx } from '../../tab/api/documents/materials-docx.js';
import { DEMO_IDS, ensureDemoItems } from '../../server/demo-data.js';
import type { MinutesContent } from '../../shared/minutes/minutes.js';
import type { Staff } from '../../shared/organisation/staff.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { answerRsvp, conveneMeeting } from '../../shared/use-cases/meeting-convocation.js';
import { buildMeetingMaterials } from '../../shared/use-cases/meeting-materials.js';
import {
  completeAction,
  confirmMinutes,
  decisionsConcerningPt,
  minutesFor,
  myOpenActionItems,
  overdueActionItems,
  saveMinutes,
} from '../../shared/use-cases/meeting-minutes.js';
import { submitProposal } from '../../shared/use-cases/proposal-submission.js';
import { openProgrammeContext } from '../support/programme-store.js';

const jst = (text: string) => new Date(`${text}+09:00`);

/**
 * 議事録・決定事項・宿題 as the secretariat, the chair and the members meet them: the secretariat
 * records, whoever presided confirms, confirmed minutes are the record, a decision on a proposal
 * reaches the proposer once, and action items are their owners' to close.
 */
describe('minutes, decisions and action items of an HQ meeting', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;
  const people: Record<string, Staff> = {};
  let meetingId: string;
  let proposalId: string;
  const notices = async (staffId: string) =>
    (await ctx.store.repositories.notices.listForStaff(staffId, new Date(0), 50)).filter((n) => n.subject.type === 'proposalDecision');

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
    await ensureDemoItems(ctx);
    const byUpn = async (upn: string) => (await ctx.store.repositories.staff.findByUpn(upn))!;
    people.mayor = await byUpn('kucho@example.jp');
    people.deputy1 = await byUpn('fukukucho1@example.jp');
    people.deputy2 = await byUpn('fukukucho2@example.jp');
    people.secretary = await byUpn('seisaku-kikaku.jimukyoku@example.jp');
    people.chief = await byUpn('chiiki-gyosei.shunin@example.jp');
    people.treasurer = await byUpn('zaisei.kacho@example.jp');
    const meeting = await conveneMeeting(ctx, people.mayor, {
      meetingId: 'hq-minutes',
      bodyId: 'hq',
      startsAt: jst('2024-05-20T10:00:00'),
      endsAt: jst('2024-05-20T11:00:00'),
      place: '第1委員会室',
      agenda: [
        { title: '新規取組みの提案について', kind: 'general' },
        { title: 'PT 2-24 の進捗', kind: 'ptProgress', ptId: 'pt-2-24' },
      ],
      guests: [{ name: '外部 有識者', affiliation: '大学' }],
    });
    meetingId = meeting.id;
    await answerRsvp(ctx, people.mayor, { meetingId, response: 'attend' });
    await answerRsvp(ctx, people.deputy1, { meetingId, response: 'absent' });
    proposalId = (
      await submitProposal(ctx, people.chief, {
        proposalId: 'minutes-proposal',
        callId: DEMO_IDS.call,
        track: 'individual',
        title: '窓口のキャッシュレス化',
        summary: '全窓口で電子決済を導入する',
        expectedEffect: '待ち時間の短縮',
      })
    ).id;
  });
  afterAll(async () => {
    await ctx?.store.close();
  });

  const content = (overrides: Partial<MinutesContent> = {}): MinutesContent => ({
    attendance: [
      { staffId: people.mayor!.id, mark: 'present' },
      { staffId: people.deputy1!.id, mark: 'absent' },
    ],
    guestsPresent: ['外部 有識者'],
    summaries: [
      { agendaIndex: 0, summary: '窓口のキャッシュレス化について意見交換した。' },
      { agendaIndex: 1, summary: 'PT 2-24 から進捗の報告があった。' },
    ],
    decisions: [
      {
        id: 'd1',
        agendaIndex: 0,
        text: '次年度の取組み項目として採用する。',
        subject: { kind: 'proposal', proposalId, outcome: 'acceptedNextYear' },
        actions: [],
      },
      {
        id: 'd2',
        agendaIndex: 1,
        text: '次回本部会議で費用対効果を報告すること。',
        subject: { kind: 'pt', ptId: 'pt-2-24', concern: 'reportRequested' },
        actions: [
          { title: '費用対効果の試算', owner: { kind: 'staff', staffId: people.chief!.id }, dueOn: '2024-06-14' },
          { title: '他自治体の事例調査', owner: { kind: 'unit', unitId: people.chief!.unitId! }, dueOn: '2024-05-31' },
        ],
      },
    ],
    ...overrides,
  });

  it('is written only after the meeting has started, and only by the body’s secretariat', async () => {
    await expect(saveMinutes(ctx, people.secretary!, meetingId, content())).rejects.toMatchObject({ code: 'minutes.meetingNotHeld' });
    clock.set(jst('2024-05-20T15:00:00'));
    for (const someone of [people.chief!, people.mayor!, people.treasurer!]) {
      await expect(saveMinutes(ctx, someone, meetingId, content())).rejects.toMatchObject({ code: 'minutes.notAllowedToRecord' });
    }
    expect(await ctx.store.repositories.minutes.get(meetingId)).toBeUndefined();
  });

  it('starts the secretariat’s draft from the answers: who said they would attend is present, the rest absent', async () => {
    const draft = (await minutesFor(ctx, people.secretary, meetingId))!;
    expect(draft.status).toBe('draft');
    const mark = (staff: Staff) => draft.attendance.find((record) => record.staffId === staff.id)?.mark;
    expect(mark(people.mayor!)).toBe('present');
    expect(mark(people.deputy1!)).toBe('absent');
    expect(mark(people.deputy2!)).toBe('absent');
    expect(draft.guestsPresent).toEqual(['外部 有識者']);
    // Not recorded yet, and nobody else sees a draft.
    expect(await minutesFor(ctx, people.chief, meetingId)).toBeUndefined();
  });

  it('refuses content that does not fit the meeting, with the field named', async () => {
    const outsider = (await ctx.store.repositories.staff.findByUpn('koreifukushi.shuji@example.jp'))!;
    await expect(saveMinutes(ctx, people.secretary!, meetingId, content({ attendance: [{ staffId: outsider.id, mark: 'present' }] }))).rejects.toMatchObject({
      code: 'minutes.unknownAttendee',
    });
    await expect(saveMinutes(ctx, people.secretary!, meetingId, content({ summaries: [{ agendaIndex: 5, summary: 'x' }] }))).rejects.toMatchObject({
      code: 'minutes.unknownAgendaItem',
    });
    await expect(saveMinutes(ctx, people.secretary!, meetingId, content({ attendance: [{ staffId: people.mayor!.id, mark: 'proxy' }] }))).rejects.toMatchObject(
      { code: 'minutes.proxyNameRequired' },
    );
    await expect(saveMinutes(ctx, people.secretary!, meetingId, content({ guestsPresent: ['招かれていない人'] }))).rejects.toMatchObject({
      code: 'minutes.unknownGuest',
    });
    await expect(
      saveMinutes(ctx, people.secretary!, meetingId, content({ summaries: [{ agendaIndex: 0, summary: 'あ'.repeat(4001) }] })),
    ).rejects.toMatchObject({ code: 'minutes.fieldTooLong', field: 'summary' });
  });

  it('refuses a decision on a proposal that has another outcome already, naming it', async () => {
    // Decided on the review board before the minutes were written.
    const submitted = (await ctx.store.repositories.proposals.get(proposalId))!;
    const other = { ...submitted, id: 'minutes-decided-elsewhere', receiptNumber: 'R6-新規-990', state: 'rejected' as const, decisionReason: '審査で不採用' };
    await ctx.store.repositories.proposals.insert(other);
    const decision = {
      id: 'dx',
      text: '採用する。',
      subject: { kind: 'proposal' as const, proposalId: other.id, outcome: 'acceptedMidYear' as const },
      actions: [],
    };
    await expect(saveMinutes(ctx, people.secretary!, meetingId, content({ decisions: [decision] }))).rejects.toMatchObject({
      code: 'minutes.proposalNotDecidable',
      params: { receipt: other.receiptNumber },
    });
  });

  it('is confirmed by the chair who presided, not by the secretariat or a deputy while the chair was present', async () => {
    await saveMinutes(ctx, people.secretary!, meetingId, content());
    for (const someone of [people.secretary!, people.deputy1!, people.chief!]) {
      await expect(confirmMinutes(ctx, someone, meetingId)).rejects.toMatchObject({ code: 'minutes.notAllowedToConfirm' });
    }
    // The proposal is untouched until the minutes are confirmed.
    expect((await ctx.store.repositories.proposals.get(proposalId))!.state).toBe('submitted');
    expect(await notices(people.chief!.id)).toHaveLength(0);

    const confirmed = await confirmMinutes(ctx, people.mayor!, meetingId);
    expect(confirmed.minutes).toMatchObject({ status: 'confirmed', confirmedByStaffId: people.mayor!.id });
    expect(confirmed.decidedProposalIds).toEqual([proposalId]);
  });

  it('sets the proposal’s review outcome from the decision once, and tells the proposer once', async () => {
    const proposal = (await ctx.store.repositories.proposals.get(proposalId))!;
    expect(proposal).toMatchObject({ state: 'acceptedNextYear', decisionReason: '次年度の取組み項目として採用する。' });
    expect(await notices(people.chief!.id)).toHaveLength(1);
    const again = await confirmMinutes(ctx, people.mayor!, meetingId);
    expect(again.decidedProposalIds).toEqual([]);
    // Confirmed or not, only the one who presided may confirm.
    await expect(confirmMinutes(ctx, people.secretary!, meetingId)).rejects.toMatchObject({ code: 'minutes.notAllowedToConfirm' });
    expect(await notices(people.chief!.id)).toHaveLength(1);
  });

  it('keeps confirmed minutes read-only, and shows them to every member of staff', async () => {
    await expect(saveMinutes(ctx, people.secretary!, meetingId, content({ guestsPresent: [] }))).rejects.toMatchObject({ code: 'minutes.confirmed' });
    const read = (await minutesFor(ctx, people.chief, meetingId))!;
    expect(read.status).toBe('confirmed');
    expect(read.guestsPresent).toEqual(['外部 有識者']);
    expect((await decisionsConcerningPt(ctx, 'pt-2-24')).map((entry) => entry.decision.text)).toEqual(['次回本部会議で費用対効果を報告すること。']);
  });

  it('turns the decision’s actions into items their owners see and close, the unit’s for anyone in it', async () => {
    const mine = await myOpenActionItems(ctx, people.chief!);
    expect(mine.map((item) => item.title)).toEqual(['他自治体の事例調査', '費用対効果の試算']);
    const colleague = (await ctx.store.repositories.staff.list()).find((person) => person.unitId === people.chief!.unitId && person.id !== people.chief!.id)!;
    expect((await myOpenActionItems(ctx, colleague)).map((item) => item.title)).toEqual(['他自治体の事例調査']);

    const study = mine.find((item) => item.title === '費用対効果の試算')!;
    await expect(completeAction(ctx, colleague, study.id, '')).rejects.toMatchObject({ code: 'action.notOwner' });
    const done = await completeAction(ctx, people.chief!, study.id, '試算をまとめ本部事務局に提出した。');
    expect(done).toMatchObject({ status: 'done', doneByStaffId: people.chief!.id, doneNote: '試算をまとめ本部事務局に提出した。' });
    expect((await myOpenActionItems(ctx, people.chief!)).map((item) => item.title)).toEqual(['他自治体の事例調査']);
  });

  it('lists the still open action items in the materials of the body’s next meeting', async () => {
    const next = await conveneMeeting(ctx, people.mayor!, {
      meetingId: 'hq-next',
      bodyId: 'hq',
      startsAt: jst('2024-07-19T10:00:00'),
      endsAt: jst('2024-07-19T11:00:00'),
      agenda: [{ title: '報告', kind: 'general' }],
      guests: [],
    });
    const materials = await buildMeetingMaterials(ctx, people.secretary!, next.id);
    const asked = (await ctx.store.repositories.meetings.get(meetingId))!;
    expect(materials.openActions).toEqual([
      { title: '他自治体の事例調査', owner: '地域行政課', dueOn: '令和6年5月31日（金）', from: `令和6年度 第${asked.ordinal}回` },
    ]);
    const xml = new AdmZip(await renderMaterialsDocx(materials)).readAsText('word/document.xml');
    expect(xml).toContain('前回までの対応事項（未完了）');
    expect(xml).toContain('他自治体の事例調査');
    expect(xml).not.toContain('費用対効果の試算');
  });

  it('shows the secretariat the items past their due date, not the ones still in time', async () => {
    clock.set(jst('2024-05-31T18:00:00'));
    expect(await overdueActionItems(ctx, people.secretary!)).toEqual([]);
    clock.set(jst('2024-06-03T09:00:00'));
    expect((await overdueActionItems(ctx, people.secretary!)).map((item) => item.title)).toEqual(['他自治体の事例調査']);
    expect(await overdueActionItems(ctx, people.chief!)).toEqual([]);
  });
});

describe('minutes of a meeting the chair missed', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;

  beforeAll(async () => {
    ctx = await openProgrammeContext(clock);
  });
  afterAll(async () => {
    await ctx?.store.close();
  });

  it('are confirmed by the 1st-rank deputy who presided, not by the absent chair', async () => {
    const byUpn = async (upn: string) => (await ctx.store.repositories.staff.findByUpn(upn))!;
    const [mayor, deputy1, deputy2, secretary] = await Promise.all(
      ['kucho@example.jp', 'fukukucho1@example.jp', 'fukukucho2@example.jp', 'seisaku-kikaku.jimukyoku@example.jp'].map(byUpn),
    );
    const meeting = await conveneMeeting(ctx, mayor!, {
      meetingId: 'hq-acting',
      bodyId: 'hq',
      startsAt: jst('2024-05-20T10:00:00'),
      endsAt: jst('2024-05-20T11:00:00'),
      agenda: [{ title: '報告', kind: 'general' }],
      guests: [],
    });
    clock.set(jst('2024-05-21T10:00:00'));
    await saveMinutes(ctx, secretary!, meeting.id, {
      attendance: [
        { staffId: mayor!.id, mark: 'absent' },
        { staffId: deputy1!.id, mark: 'present' },
        { staffId: deputy2!.id, mark: 'present' },
      ],
      guestsPresent: [],
      summaries: [{ agendaIndex: 0, summary: '報告を受けた。' }],
      decisions: [],
    });
    await expect(confirmMinutes(ctx, mayor!, meeting.id)).rejects.toMatchObject({ code: 'minutes.notAllowedToConfirm' });
    await expect(confirmMinutes(ctx, deputy2!, meeting.id)).rejects.toMatchObject({ code: 'minutes.notAllowedToConfirm' });
    await expect(confirmMinutes(ctx, deputy1!, meeting.id)).resolves.toMatchObject({ minutes: { status: 'confirmed', confirmedByStaffId: deputy1!.id } });
  });
});
