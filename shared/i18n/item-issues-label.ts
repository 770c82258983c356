import { reiwaYear } from '../time/reiwa.js';
import type { Locale } from './locale.js';

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const fullWidth = (value: number) => String(value).replace(/\d/g, (digit) => FULL_WIDTH_DIGITS[Number(digit)]!);

/**
 * The department survey's question on the current year's items, worded as the document words it
 * for FY2024 (４（２）「令和６年度取組み項目における課題等」), with the call's fiscal year.
 */
export function currentItemIssuesLabel(fiscalYear: number, locale: Locale): string {
  return locale === 'ja'
    ? `令和${fullWidth(reiwaYear(fiscalYear))}年度取組み項目における課題等`
    : `Issues in the FY${fiscalYear} plan items (department survey)`;
}

/** The hint under the question: who answers it. */
export const CURRENT_ITEM_ISSUES_HINT = {
  ja: '各部提案（調査票）のみ。所管する取組み項目の進め方の課題、見直しの必要などがあれば記入してください。',
  en: 'Department track only: issues in carrying out your department’s items this year, or changes they need.',
} as const satisfies Readonly<Record<Locale, string>>;
