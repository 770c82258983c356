import type { Perspective } from '../proposals/proposal.js';

/** One of the proposal-based PT system's three perspectives (５（４）), worded as printed. */
export interface PlanPerspective {
  readonly id: Perspective;
  /** 視点 */
  readonly viewpoint: string;
  /** 視点のねらい */
  readonly aim: string;
}

/**
 * The plan as a year's programme file states it: 新たな行政経営への移行実現プラン, its period in
 * fiscal years (令和６〜９年度 = FY2024–FY2027), the guideline that set up HQ and when it took
 * effect (附則), and the perspectives a proposal-based PT theme is judged by. One record per
 * programme year (`plan-fy2024`); the period is the plan's, not the year's.
 */
export interface Plan {
  readonly id: string;
  readonly fiscalYear: number;
  readonly name: string;
  readonly fromFiscalYear: number;
  readonly toFiscalYear: number;
  readonly periodAsPrinted?: string | undefined;
  readonly guideline?: { readonly name: string; readonly effectiveFrom: string; readonly asPrinted: string } | undefined;
  /** The plan item the proposal-based PT system belongs to (5-11) and its title. */
  readonly proposalPtItem?: { readonly item: string; readonly title: string } | undefined;
  readonly perspectives: readonly PlanPerspective[];
}

export const planIdFor = (fiscalYear: number): string => `plan-fy${fiscalYear}`;

/** 令和 year of a fiscal year (2024 → 6). */
export const reiwaYear = (fiscalYear: number): number => fiscalYear - 2018;
