import { writeCsv } from '../csv/csv-table.js';
import type { Locale } from '../i18n/locale.js';
import { PROPOSAL_STATE_LABELS, TRACK_LABELS } from '../i18n/labels.js';
import type { Staff } from '../organisation/staff.js';
import type { ProposalState } from '../proposals/proposal.js';
import { formatIsoJst } from '../time/index.js';
import type { UseCaseContext } from './context.js';
import { assertSecretariat } from './proposal-review.js';

const HEADERS: Readonly<Record<Locale, readonly string[]>> = {
  ja: [
    '受付番号',
    '募集',
    '区分',
    '部',
    '提案者',
    '件名',
    '概要',
    '関連個票',
    '期待される効果',
    '視点',
    '取組み項目における課題等',
    '状態',
    '提出日時',
    '判断理由',
  ],
  en: [
    'Receipt',
    'Call',
    'Track',
    'Department',
    'Author',
    'Title',
    'Summary',
    'Plan item',
    'Expected effect',
    'Perspective',
    'Issues in current items',
    'State',
    'Submitted',
    'Reason',
  ],
};

/** The export as a table: the header row and one row of cells per proposal, in receipt order. */
export interface ProposalTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | undefined)[])[];
}

/**
 * The secretariat's list of proposals (drafts excluded: they are still the author's), as the CSV
 * and the workbook both write it: the same columns, times in JST, labels in `locale`.
 * `actor` is undefined only for the operator's CLI, which runs with database access already.
 */
export async function proposalExportTable(
  ctx: UseCaseContext,
  actor: Staff | undefined,
  options: { callId?: string; locale?: Locale } = {},
): Promise<ProposalTable> {
  const repos = ctx.store.repositories;
  if (actor) await assertSecretariat(repos, actor);
  const locale = options.locale ?? 'ja';
  const states: ProposalState[] = ['submitted', 'underReview', 'acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected', 'withdrawn'];
  const proposals = await repos.proposals.list({ callId: options.callId, states });
  const calls = new Map((await repos.calls.list()).map((call) => [call.id, call]));
  const units = new Map((await repos.units.list()).map((unit) => [unit.id, unit]));
  const staff = new Map((await repos.staff.list()).map((person) => [person.id, person]));

  const rows = proposals
    .sort((a, b) => (a.receiptNumber ?? '').localeCompare(b.receiptNumber ?? ''))
    .map((proposal) => [
      proposal.receiptNumber,
      calls.get(proposal.callId)?.title,
      TRACK_LABELS[proposal.track][locale],
      proposal.departmentUnitId ? units.get(proposal.departmentUnitId)?.name : '',
      staff.get(proposal.authorStaffId)?.displayName,
      proposal.title,
      proposal.summary,
      proposal.relatedItemKey,
      proposal.expectedEffect,
      proposal.perspective,
      proposal.currentItemIssues,
      PROPOSAL_STATE_LABELS[proposal.state][locale],
      proposal.submittedAt ? formatIsoJst(proposal.submittedAt) : '',
      proposal.decisionReason,
    ]);
  return { headers: HEADERS[locale], rows };
}

/**
 * The secretariat's CSV of proposals, UTF-8 with BOM so Excel shows Japanese correctly, and
 * formula-looking text neutralised.
 */
export async function exportProposalsCsv(
  ctx: UseCaseContext,
  actor: Staff | undefined,
  options: { callId?: string; locale?: Locale } = {},
): Promise<{ csv: string; count: number }> {
  const { headers, rows } = await proposalExportTable(ctx, actor, options);
  return { csv: writeCsv(headers, rows), count: rows.length };
}
