/**
 * A good or advanced practice shared for horizontal roll-out (水平展開). Internal cases belong to a
 * unit; external ones are publications by another government (総務省, 東京都).
 */
export interface GoodPractice {
  readonly id: string;
  readonly number: number;
  readonly fiscalYear: number;
  readonly title: string;
  readonly origin: 'internal' | 'external';
  readonly ownerUnitId?: string | undefined;
  readonly publisher?: string | undefined;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly link?: string | undefined;
  /** 運用中, or 実施・運用開始予定 (planned); absent in records stored before it existed = operating. */
  readonly status?: PracticeStatus | undefined;
}

export type PracticeStatus = 'operating' | 'planned';

export const practiceStatus = (practice: Pick<GoodPractice, 'status'>): PracticeStatus => practice.status ?? 'operating';
