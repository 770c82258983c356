import type { Locale } from '../i18n/locale.js';
import { instantAtJst, jstDateOf, type IsoDate } from './jst.js';

/** The Japanese fiscal year (April–March) of an instant or date: 2025-03-31 → 2024. */
export function fiscalYearOf(value: Date | IsoDate): number {
  const date = typeof value === 'string' ? value : jstDateOf(value);
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

/** From 1 April 00:00 JST to the next 1 April 00:00 JST (exclusive). */
export function fiscalYearRange(fiscalYear: number): { start: Date; endExclusive: Date } {
  return { start: instantAtJst(`${fiscalYear}-04-01`), endExclusive: instantAtJst(`${fiscalYear + 1}-04-01`) };
}

/** `令和6年度` / `FY2024`. */
export function formatFiscalYear(fiscalYear: number, locale: Locale): string {
  if (locale === 'en') return `FY${fiscalYear}`;
  const reiwa = fiscalYear - 2018;
  return `令和${reiwa === 1 ? '元' : reiwa}年度`;
}
