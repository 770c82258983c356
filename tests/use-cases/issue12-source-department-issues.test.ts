import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Body } from '../../shared/bodies/body.js';
import type { ProposalCall } from '../../shared/calls/proposal-call.js';
import { DomainError, DomainErrors } from '../../shared/domain-error.js';
import { currentItemIssuesLabel } from '../../shared/i18n/item-issues-label.js';
import type { Unit } from '../../shared/organisation/unit.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { exportProposalsCsv } from '../../shared/use-cases/proposal-export.js';
import { saveProposalDraft, submitProposal } from '../../shared/use-cases/proposal-submission.js';
import { FY2024_NEW_INITIATIVE_CALL, staffMember } from '../support/domain-fixtures.js';
import { openPgliteStore } from '../support/test-store.js';

/**
 * ４（２）提案募集方法: 「各部あてに「調査票」を送付し、各部からの提案を募集するとともに、
 * 令和６年度取組み項目における課題等について調査する」. The department survey carries a second
 * question; the individual track (職員提案制度) and the PT-theme call do not.
 */

const UNITS: Unit[] = [
  { id: 'seisaku-keiei-bu', name: '政策経営部', kind: 'department' },
  { id: 'seisaku-kikaku-ka', name: '政策企画課', kind: 'section', parentId: 'seisaku-keiei-bu' },
  { id: 'zaisei-ka', name: '財政課', kind: 'section', parentId: 'seisaku-keiei-bu' },
];
const HQ: Body = {
  id: 'hq',
  kind: 'hq',
  name: '本部',
  shortName: '本部',
  nameEn: 'HQ',
  secretariatUnitIds: ['seisaku-kikaku-ka'],
  secretariatMayConvene: true,
  roster: [],
};
const PT_THEME_CALL: ProposalCall = {
  ...FY2024_NEW_INITIATIVE_CALL,
  id: 'fy2024-pt-theme',
  kind: 'ptTheme',
  title: '提案型プロジェクトチームのプロジェクト提案募集',
};
const chief = staffMember({ id: 'chief', unitId: 'zaisei-ka', grade: 'sectionChief' });
const author = staffMember({ id: 'author', unitId: 'zaisei-ka', grade: 'chief' });
const secretary = staffMember({ id: 'secretary', unitId: 'seisaku-kikaku-ka', grade: 'subsectionChief' });
const content = { title: '契約事務の電子化', summary: '契約書を電子化する', expectedEffect: '郵送と押印の削減' };
const ISSUES = '個票1-4の代表電話見直しは、委託契約の更新時期と合わず令和６年度中の着手が難しい。';
const jst = (text: string) => new Date(`${text}+09:00`);

function codesOf(error: unknown): string[] {
  if (error instanceof DomainErrors) return error.errors.map((each) => each.code);
  if (error instanceof DomainError) return [error.code];
  throw error;
}

describe('４（２）調査票: 令和６年度取組み項目における課題等 (department track of the new-initiative call)', () => {
  const clock = new ManualClock(jst('2024-05-10T10:00:00'));
  let ctx: UseCaseContext;
  beforeAll(async () => {
    ctx = { store: await openPgliteStore(), clock, newId: () => 'unused' };
    await ctx.store.transaction(async (tx) => {
      for (const unit of UNITS) await tx.units.upsert(unit);
      for (const person of [chief, author, secretary]) await tx.staff.upsert(person);
      await tx.bodies.upsert(HQ);
      await tx.calls.upsert(FY2024_NEW_INITIATIVE_CALL);
      await tx.calls.upsert(PT_THEME_CALL);
    });
  });
  afterAll(() => ctx?.store.close());

  const department = { track: 'department' as const, departmentUnitId: 'seisaku-keiei-bu' };

  it('labels the question in the document’s words for FY2024', () => {
    expect(currentItemIssuesLabel(2024, 'ja')).toBe('令和６年度取組み項目における課題等');
    expect(currentItemIssuesLabel(2025, 'ja')).toBe('令和７年度取組み項目における課題等');
  });

  it('keeps a department’s answer on its draft and its submitted proposal, trimmed', async () => {
    const draft = await saveProposalDraft(ctx, chief, {
      proposalId: 'dept-1',
      callId: FY2024_NEW_INITIATIVE_CALL.id,
      ...department,
      title: '下書き',
      currentItemIssues: `  ${ISSUES}\n`,
    });
    expect(draft.currentItemIssues).toBe(ISSUES);
    const submitted = await submitProposal(ctx, chief, {
      proposalId: 'dept-1',
      callId: FY2024_NEW_INITIATIVE_CALL.id,
      ...department,
      ...content,
      currentItemIssues: ISSUES,
    });
    expect(submitted.currentItemIssues).toBe(ISSUES);
    expect((await ctx.store.repositories.proposals.get('dept-1'))?.currentItemIssues).toBe(ISSUES);
  });

  it('does not require it: a department may report no issues', async () => {
    const submitted = await submitProposal(ctx, chief, { proposalId: 'dept-2', callId: FY2024_NEW_INITIATIVE_CALL.id, ...department, ...content });
    expect(submitted.state).toBe('submitted');
    expect(submitted.currentItemIssues).toBeUndefined();
  });

  it('refuses an answer on the individual track (職員提案制度) and on the PT-theme call, naming the field', async () => {
    const individual = await submitProposal(ctx, author, {
      proposalId: 'ind-1',
      callId: FY2024_NEW_INITIATIVE_CALL.id,
      track: 'individual',
      ...content,
      currentItemIssues: ISSUES,
    }).catch((caught: unknown) => caught);
    expect(codesOf(individual)).toEqual(['proposal.itemIssuesDepartmentOnly']);
    expect((individual as DomainErrors).errors[0]?.field).toBe('currentItemIssues');
    expect(await ctx.store.repositories.proposals.get('ind-1')).toBeUndefined();
    const theme = await saveProposalDraft(ctx, chief, {
      proposalId: 'theme-1',
      callId: PT_THEME_CALL.id,
      ...department,
      title: 'テーマ',
      currentItemIssues: ISSUES,
    }).catch((caught: unknown) => caught);
    expect(codesOf(theme)).toEqual(['proposal.itemIssuesDepartmentOnly']);
  });

  it('refuses an answer longer than 2000 characters', async () => {
    const error = await submitProposal(ctx, chief, {
      proposalId: 'dept-3',
      callId: FY2024_NEW_INITIATIVE_CALL.id,
      ...department,
      ...content,
      currentItemIssues: 'あ'.repeat(2001),
    }).catch((caught: unknown) => caught);
    expect(codesOf(error)).toEqual(['proposal.fieldTooLong']);
  });

  it('exports the answer in its own CSV column for the secretariat', async () => {
    const { csv } = await exportProposalsCsv(ctx, secretary, { callId: FY2024_NEW_INITIATIVE_CALL.id });
    const [header] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const columns = header!.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
    expect(columns).toContain('取組み項目における課題等');
    expect(csv).toContain(ISSUES);
    const english = await exportProposalsCsv(ctx, secretary, { callId: FY2024_NEW_INITIATIVE_CALL.id, locale: 'en' });
    expect(english.csv).toContain('"Issues in current items"');
  });
});
