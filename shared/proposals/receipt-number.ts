import type { CallKind } from '../calls/proposal-call.js';

const KIND_LABELS: Readonly<Record<CallKind, string>> = { newInitiative: '新規', ptTheme: '提案PT' };

/**
 * The receipt number given on submission, e.g. `R6-新規-017`: 令和 year of the call's fiscal year,
 * the call kind, and a sequence within the call (three digits, growing past 999 if needed).
 */
export function formatReceiptNumber(fiscalYear: number, kind: CallKind, sequence: number): string {
  const reiwa = fiscalYear - 2018;
  return `R${reiwa}-${KIND_LABELS[kind]}-${String(sequence).padStart(3, '0')}`;
}
