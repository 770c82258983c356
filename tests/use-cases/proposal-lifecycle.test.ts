import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Body } from '../../shared/bodies/body.js';
import { DomainError } from '../../shared/domain-error.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { Unit } from '../../shared/organisation/unit.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { exportProposalsCsv } from '../../shared/use-cases/proposal-export.js';
import { decideProposal, startProposalReviews, withdrawProposal } from '../../shared/use-cases/proposal-review.js';
import { saveProposalDraft, submitProposal } from '../../shared/use-cases/proposal-submission.js';
import { COUNCIL, FY2024_NEW_INITIATIVE_CALL, staffMember } from '../support/domain-fixtures.js';
import { STORE_VARIANTS } from '../support/test-store.js';

const UNITS: Unit[] = [
  { id: 'somu-bu', name: '総務部', kind: 'department' },
  { id: 'seisaku-kikaku-ka', name: '政策企画課', kind: 'section', parentId: 'somu-bu' },
  { id: 'zaisei-ka', name: '財政課', kind: 'section', parentId: 'somu-bu' },
  { id: 'kenko-bu', name: '健康福祉部', kind: 'department' },
];
/** The HQ, whose 庶務 unit (政策企画課) is the programme secretariat that reviews proposals. */
const HQ: Body = {
  id: 'hq',
  kind: 'hq',
  name: '行政経営推進本部',
  shortName: '本部',
  nameEn: 'Headquarters',
  secretariatUnitIds: ['seisaku-kikaku-ka'],
  secretariatMayConvene: true,
  roster: [],
};
const author = staffMember({ id: 'author', unitId: 'zaisei-ka', grade: 'chief' });
const chief = staffMember({ id: 'chief', unitId: 'zaisei-ka', grade: 'sectionChief' });
const secretary = staffMember({ id: 'secretary', unitId: 'seisaku-kikaku-ka', grade: 'subsectionChief' });
const outsider = staffMember({ id: 'outsider', unitId: 'kenko-bu', grade: 'staff' });

const content = { title: 'ペーパーレス会議の全庁展開', summary: '会議資料を電子化する', expectedEffect: '印刷費の削減' };
const jst = (text: string) => new Date(`${text}+09:00`);

async function expectRefused(work: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

describe.each(STORE_VARIANTS)('proposal lifecycle on $name', (variant) => {
  describe.skipIf(variant.skipReason !== undefined)(variant.skipReason ?? 'runs', () => {
    const clock = new ManualClock(jst('2024-05-10T10:00:00'));
    let ctx: UseCaseContext;
    let counter = 0;
    beforeAll(async () => {
      ctx = { store: await variant.open(), clock, newId: () => `id-${++counter}` };
      await ctx.store.transaction(async (tx) => {
        for (const unit of UNITS) await tx.units.upsert(unit);
        for (const person of [author, chief, secretary, outsider] as Staff[]) await tx.staff.upsert(person);
        await tx.bodies.upsert(COUNCIL);
        await tx.bodies.upsert(HQ);
        await tx.calls.upsert(FY2024_NEW_INITIATIVE_CALL);
      });
    });
    afterAll(() => ctx?.store.close());

    const input = (proposalId: string, extra: object = {}) => ({ proposalId, callId: FY2024_NEW_INITIATIVE_CALL.id, ...content, ...extra });

    it('accepts an individual proposal at 23:59 JST on 17 May and numbers it', async () => {
      clock.set(jst('2024-05-17T23:59:00'));
      const submitted = await submitProposal(ctx, author, input('p-late-ok'));
      expect(submitted.state).toBe('submitted');
      expect(submitted.receiptNumber).toMatch(/^R6-新規-\d{3}$/);
      // A resent submit (double click, Teams retry) finds the same record and number.
      expect((await submitProposal(ctx, author, input('p-late-ok'))).receiptNumber).toBe(submitted.receiptNumber);
      expect(await ctx.store.repositories.proposals.countByCall(FY2024_NEW_INITIATIVE_CALL.id)).toBe(1);
    });

    it('refuses an individual proposal at 00:00 JST on 18 May, naming the deadline, and stores nothing', async () => {
      clock.set(jst('2024-05-18T00:00:00'));
      const error = await expectRefused(submitProposal(ctx, author, input('p-too-late')), 'call.closed');
      expect(error.params).toMatchObject({ deadline: '2024-05-17' });
      expect(await ctx.store.repositories.proposals.get('p-too-late')).toBeUndefined();
    });

    it('keeps the department track open until the end of 14 June', async () => {
      clock.set(jst('2024-06-14T18:30:00'));
      const submitted = await submitProposal(ctx, chief, input('p-dept', { track: 'department', departmentUnitId: 'somu-bu' }));
      expect(submitted.departmentUnitId).toBe('somu-bu');
      clock.set(jst('2024-06-15T00:00:00'));
      await expectRefused(submitProposal(ctx, chief, input('p-dept-late', { track: 'department', departmentUnitId: 'somu-bu' })), 'call.closed');
    });

    it('refuses a department proposal from someone outside that department', async () => {
      clock.set(jst('2024-06-01T09:00:00'));
      await expectRefused(submitProposal(ctx, outsider, input('p-outsider', { track: 'department', departmentUnitId: 'somu-bu' })), 'proposal.notInDepartment');
    });

    it('keeps an incomplete draft and refuses to submit it, naming the missing fields', async () => {
      clock.set(jst('2024-05-12T09:00:00'));
      await saveProposalDraft(ctx, author, { proposalId: 'p-draft', callId: FY2024_NEW_INITIATIVE_CALL.id, title: '下書き' });
      const error = await submitProposal(ctx, author, { proposalId: 'p-draft', callId: FY2024_NEW_INITIATIVE_CALL.id }).catch((caught: unknown) => caught);
      expect(String(error)).toMatch(/summary|expectedEffect/);
      const stored = await ctx.store.repositories.proposals.get('p-draft');
      expect(stored?.state).toBe('draft');
      expect(stored?.title).toBe('下書き');
    });

    it('lets only the secretariat review, decide and export; withdrawal after review is refused', async () => {
      clock.set(jst('2024-06-20T10:00:00'));
      await expectRefused(startProposalReviews(ctx, author, ['p-late-ok']), 'auth.forbidden');
      const [moved] = await startProposalReviews(ctx, secretary, ['p-late-ok']);
      expect(moved?.state).toBe('underReview');
      await expectRefused(withdrawProposal(ctx, author, 'p-late-ok'), 'proposal.withdrawAfterReview');
      const decided = await decideProposal(ctx, secretary, { proposalId: 'p-late-ok', decision: 'acceptedNextYear', reason: '次年度に計画化' });
      expect(decided.state).toBe('acceptedNextYear');

      await expectRefused(exportProposalsCsv(ctx, author), 'auth.forbidden');
      const { csv, count } = await exportProposalsCsv(ctx, secretary, { callId: FY2024_NEW_INITIATIVE_CALL.id });
      expect(count).toBe(2);
      expect(csv.startsWith('\uFEFF"受付番号",')).toBe(true);
      expect(csv).toContain('次年度に計画化');
      expect(csv).not.toContain('下書き');
      const history = await ctx.store.repositories.audit.listFor('proposal', 'p-late-ok');
      expect(history.map((entry) => entry.action)).toEqual(['submit', 'startReview', 'decide']);
    });
  });
});
